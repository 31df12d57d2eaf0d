using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// The <c>--report</c> JSON: one run's identity, settings, outcome, summary metrics and time series. <c>xmlshred report</c>
/// draws its charts from it and the benchmarks read it back, so every figure they need is here.
/// </summary>
public sealed record RunReport
{
    /// <summary>At most this many failed applications are listed; <see cref="FailureList.Total"/> counts all of them.</summary>
    public const int MaxListedFailures = FailureTally.MaxExamples;

    public required string RunId { get; init; }
    public required string Version { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public required TargetInfo Target { get; init; }
    public required ContractInfo Contract { get; init; }
    public required RunSettings Settings { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required long Read { get; init; }
    public required long Succeeded { get; init; }
    public required long Failed { get; init; }
    /// <summary>Applications read here that another instance logged first (nothing written twice); 0 for a lone run.</summary>
    public long DoneElsewhere { get; init; }
    /// <summary>Applications of chunks whose lease another instance took over before they were written.</summary>
    public long Dropped { get; init; }
    public required bool Interrupted { get; init; }
    public required double AppsPerSecond { get; init; }
    public required long RowsWritten { get; init; }
    public required double RowsPerSecond { get; init; }
    public required long Batches { get; init; }
    public required LatencyStats InsertLatencyMs { get; init; }
    /// <summary>Seconds per stage, summed over the threads that run it (so parse_map can exceed the elapsed time).</summary>
    public required IReadOnlyDictionary<string, double> StageSeconds { get; init; }
    public required IReadOnlyList<WorkerUsage> WorkerUsage { get; init; }
    public required IReadOnlyDictionary<string, long> FailuresByStage { get; init; }
    public required FailureList FailedApplications { get; init; }
    /// <summary>Source rows with NULL XML the run skipped (they get no processing_log row).</summary>
    public long SkippedNullXml { get; init; }
    public required long PeakWorkingSetBytes { get; init; }
    /// <summary>Queued mode: the <c>--memory-budget</c> and the most it charged at once (0 in sequential mode).</summary>
    public long MemoryBudgetBytes { get; init; }
    public long MemoryBudgetPeakBytes { get; init; }
    /// <summary>CPU time of the whole process (all threads): apps per CPU-second is steadier than apps/s on a busy machine.</summary>
    public double CpuSeconds { get; init; }
    /// <summary>Queue depths, progress and memory, a few times a second (thinned evenly on long runs).</summary>
    public required IReadOnlyList<RunSample> Samples { get; init; }
    /// <summary>Every committed batch (thinned evenly on long runs): latency over time and its histogram.</summary>
    public required IReadOnlyList<BatchSample> BatchSamples { get; init; }
    /// <summary>Transient database faults retried, and the seconds spent waiting for the database to come back.</summary>
    public int Retries { get; init; }
    public double OutageSeconds { get; init; }
    /// <summary>Why the run stopped early (database outage beyond the retry time); null otherwise.</summary>
    public string? StoppedBy { get; init; }

    public double AppsPerCpuSecond => Math.Round((Succeeded + Failed) / Math.Max(CpuSeconds, 1e-9), 1);

    /// <param name="context">Where the run wrote and with what contract; null when the caller does not know (tests).</param>
    public static RunReport Create(RunSummary summary, PipelineMetrics metrics, RunOptions options, RunContext? context = null)
    {
        using var self = Process.GetCurrentProcess();
        return new RunReport
        {
            RunId = summary.RunId,
            Version = VersionOf(typeof(RunReport).Assembly),
            StartedAt = metrics.StartedAt,
            EndedAt = metrics.StartedAt + metrics.Elapsed,
            Target = context?.Target ?? new TargetInfo("unknown", "unknown"),
            Contract = context?.Contract ?? new ContractInfo(null, "unknown"),
            Settings = RunSettings.From(options),
            ElapsedSeconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
            Read = summary.Read,
            Succeeded = summary.Succeeded,
            Failed = summary.Failed,
            DoneElsewhere = summary.DoneElsewhere,
            Dropped = summary.Dropped,
            Interrupted = summary.Interrupted,
            AppsPerSecond = Math.Round(summary.AppsPerSecond, 1),
            RowsWritten = summary.RowsWritten,
            RowsPerSecond = Math.Round(summary.RowsWritten / Math.Max(summary.Elapsed.TotalSeconds, 1e-9), 1),
            Batches = metrics.Batches,
            InsertLatencyMs = LatencyStats.From(metrics.BatchLatenciesMs()),
            StageSeconds = Enum.GetValues<PipelineStage>().ToDictionary(PipelineMetrics.StageName, s => Math.Round(metrics.StageTime(s).TotalSeconds, 3)),
            WorkerUsage = metrics.Workers(),
            FailuresByStage = summary.FailuresByStage,
            FailedApplications = new FailureList(summary.Failed,
                [.. summary.FailureExamples.Take(MaxListedFailures).Select(f => new ReportedFailure(f.AppId, f.Stage ?? "unknown", f.FailureReason ?? ""))]),
            SkippedNullXml = summary.SkippedNullXml,
            PeakWorkingSetBytes = self.PeakWorkingSet64,
            MemoryBudgetBytes = metrics.MemoryBudgetCapacity,
            MemoryBudgetPeakBytes = metrics.MemoryBudgetPeak,
            CpuSeconds = Math.Round(self.TotalProcessorTime.TotalSeconds, 3),
            Samples = metrics.Samples(),
            BatchSamples = metrics.BatchSamples(),
            Retries = summary.Retries,
            OutageSeconds = Math.Round(summary.OutageTime.TotalSeconds, 3),
            StoppedBy = summary.StoppedBy,
        };
    }

    /// <summary>The informational version (with the commit when the build stamped one), else the assembly version.</summary>
    public static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString() ?? "unknown";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public void WriteTo(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <exception cref="InvalidDataException">The file is not a run report.</exception>
    public static RunReport ReadFrom(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunReport>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} holds no run report");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a run report written by `xmlshred run --report`: {ex.Message}", ex);
        }
    }
}

/// <summary>What the caller of the pipeline knows and the pipeline does not: the target and the contract file.</summary>
public sealed record RunContext(TargetInfo Target, ContractInfo Contract);

/// <param name="Kind">sqlite, postgresql or sqlserver.</param>
/// <param name="Server">The connection as it may be printed: passwords redacted.</param>
public sealed record TargetInfo(string Kind, string Server);

/// <param name="Path">The contract file, when it came from one.</param>
/// <param name="Hash">SHA-256 of the contract's bytes, as written to processing_log.</param>
public sealed record ContractInfo(string? Path, string Hash);

/// <summary>Every knob of the run, as it was in effect.</summary>
public sealed record RunSettings(
    string Mode, int Workers, int BatchSize, int PageSize, int WorkQueueSize, int QueueSize, long MemoryBudget,
    long? Limit, long? AppIdStart, long? AppIdEnd, string? Partition)
{
    public static RunSettings From(RunOptions options) => new(
        options.Mode.ToString().ToLowerInvariant(), options.Workers, options.BatchSize, options.PageSize, options.WorkQueueSize,
        options.QueueSize, options.MemoryBudget, options.Selection.Limit, options.Selection.AppIdStart, options.Selection.AppIdEnd,
        options.Selection.PartitionCount is { } n ? $"{options.Selection.PartitionIndex}/{n}" : null);
}

/// <summary>The first failed applications (capped) and how many failed in all.</summary>
public sealed record FailureList(long Total, IReadOnlyList<ReportedFailure> Listed);

public sealed record ReportedFailure(long AppId, string Stage, string Reason);

/// <summary>Percentiles over recorded samples (nearest rank), not estimates.</summary>
public sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencyStats From(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0) return new LatencyStats(0, 0, 0, 0, 0, 0);
        var sorted = samples.Order().ToArray();
        double At(double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
        return new LatencyStats(sorted.Length, At(0.50), At(0.95), At(0.99), Math.Round(sorted[^1], 3), Math.Round(sorted.Average(), 3));
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XmlShred.Pipeline;

/// <summary>The <c>--report</c> JSON: one run's outcome and metrics. The benchmark reads it back.</summary>
public sealed record RunReport
{
    public required string RunId { get; init; }
    public required string Mode { get; init; }
    public required int Workers { get; init; }
    public required int BatchSize { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required long Read { get; init; }
    public required long Succeeded { get; init; }
    public required long Failed { get; init; }
    public required bool Interrupted { get; init; }
    public required double AppsPerSecond { get; init; }
    public required long RowsWritten { get; init; }
    public required double RowsPerSecond { get; init; }
    public required long Batches { get; init; }
    public required LatencyStats InsertLatencyMs { get; init; }
    public required IReadOnlyDictionary<string, double> StageSeconds { get; init; }
    public required IReadOnlyList<WorkerUsage> WorkerUsage { get; init; }
    public required IReadOnlyList<QueueSample> QueueSamples { get; init; }
    public required IReadOnlyDictionary<string, long> FailuresByStage { get; init; }
    /// <summary>Source rows with NULL XML the run skipped (they get no processing_log row).</summary>
    public long SkippedNullXml { get; init; }
    public required long PeakWorkingSetBytes { get; init; }
    /// <summary>Queued mode: the <c>--memory-budget</c> and the most it charged at once (0 in sequential mode).</summary>
    public long MemoryBudgetBytes { get; init; }
    public long MemoryBudgetPeakBytes { get; init; }
    /// <summary>CPU time of the whole process (all threads): apps per CPU-second is steadier than apps/s on a busy machine.</summary>
    public double CpuSeconds { get; init; }
    /// <summary>Transient database faults retried, and the seconds spent waiting for the database to come back.</summary>
    public int Retries { get; init; }
    public double OutageSeconds { get; init; }
    /// <summary>Why the run stopped early (database outage beyond the retry time); null otherwise.</summary>
    public string? StoppedBy { get; init; }

    public static RunReport Create(RunSummary summary, PipelineMetrics metrics, RunOptions options)
    {
        using var self = Process.GetCurrentProcess();
        return new RunReport
        {
            RunId = summary.RunId,
            Mode = options.Mode.ToString().ToLowerInvariant(),
            Workers = options.Workers,
            BatchSize = options.BatchSize,
            ElapsedSeconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
            Read = summary.Read,
            Succeeded = summary.Succeeded,
            Failed = summary.Failed,
            Interrupted = summary.Interrupted,
            AppsPerSecond = Math.Round(summary.AppsPerSecond, 1),
            RowsWritten = summary.RowsWritten,
            RowsPerSecond = Math.Round(summary.RowsWritten / Math.Max(summary.Elapsed.TotalSeconds, 1e-9), 1),
            Batches = metrics.Batches,
            InsertLatencyMs = LatencyStats.From(metrics.BatchLatenciesMs()),
            StageSeconds = Enum.GetValues<PipelineStage>().ToDictionary(PipelineMetrics.StageName, s => Math.Round(metrics.StageTime(s).TotalSeconds, 3)),
            WorkerUsage = metrics.Workers(),
            QueueSamples = metrics.QueueSamples(),
            FailuresByStage = summary.FailuresByStage,
            SkippedNullXml = summary.SkippedNullXml,
            PeakWorkingSetBytes = self.PeakWorkingSet64,
            MemoryBudgetBytes = metrics.MemoryBudgetCapacity,
            MemoryBudgetPeakBytes = metrics.MemoryBudgetPeak,
            CpuSeconds = Math.Round(self.TotalProcessorTime.TotalSeconds, 3),
            Retries = summary.Retries,
            OutageSeconds = Math.Round(summary.OutageTime.TotalSeconds, 3),
            StoppedBy = summary.StoppedBy,
        };
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void WriteTo(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static RunReport ReadFrom(string path) => JsonSerializer.Deserialize<RunReport>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no run report");
}

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

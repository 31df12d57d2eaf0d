using XmlShred.Pipeline;

namespace XmlShred.Benchmarking.Tuning;

/// <summary>
/// The figures of one grid point: those of its median repeat (by apps/s), so every figure comes from one real run
/// rather than a blend of several. <see cref="AppsPerSecondRepeats"/> shows the spread.
/// </summary>
public sealed record TunePoint
{
    public required int QueueSize { get; init; }
    public required int BatchSize { get; init; }
    public required int Workers { get; init; }
    public required double AppsPerSecond { get; init; }
    public required IReadOnlyList<double> AppsPerSecondRepeats { get; init; }
    public required double AppsPerCpuSecond { get; init; }
    public required double PeakRssMb { get; init; }
    public required double InsertLatencyP50Ms { get; init; }
    public required double InsertLatencyP95Ms { get; init; }
    public required double InsertLatencyP99Ms { get; init; }
    /// <summary>Mapping time over worker lifetime, averaged over the workers.</summary>
    public required double WorkerBusyPercent { get; init; }
    /// <summary>Seconds the workers (summed) held a mapped application while the insert queue was full.</summary>
    public required double WorkersWaitedOnFullQueueSeconds { get; init; }
    /// <summary>Seconds the writer had nothing to write.</summary>
    public required double WriterWaitedOnEmptyQueueSeconds { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required long Succeeded { get; init; }
    public required long Failed { get; init; }

    public TuneSettings Settings => new(QueueSize, BatchSize, Workers);

    /// <summary>Share of the run's wall time the writer spent idle (0–100).</summary>
    public double WriterIdlePercent => ElapsedSeconds <= 0 ? 0 : Math.Round(100 * WriterWaitedOnEmptyQueueSeconds / ElapsedSeconds, 1);

    /// <summary>Share of the workers' time spent blocked on a full insert queue (0–100).</summary>
    public double WorkerBlockedPercent => ElapsedSeconds <= 0 || Workers == 0 ? 0 : Math.Round(100 * WorkersWaitedOnFullQueueSeconds / (ElapsedSeconds * Workers), 1);

    public static TunePoint From(TuneSettings settings, IReadOnlyList<RunReport> repeats)
    {
        if (repeats.Count == 0) throw new ArgumentException("a measured point needs at least one run", nameof(repeats));
        var median = repeats.OrderBy(r => r.AppsPerSecond).ElementAt(repeats.Count / 2);
        return new TunePoint
        {
            QueueSize = settings.QueueSize,
            BatchSize = settings.BatchSize,
            Workers = settings.Workers,
            AppsPerSecond = median.AppsPerSecond,
            AppsPerSecondRepeats = [.. repeats.Select(r => r.AppsPerSecond)],
            AppsPerCpuSecond = median.AppsPerCpuSecond,
            PeakRssMb = Math.Round(median.PeakWorkingSetBytes / 1048576.0, 1),
            InsertLatencyP50Ms = median.InsertLatencyMs.P50,
            InsertLatencyP95Ms = median.InsertLatencyMs.P95,
            InsertLatencyP99Ms = median.InsertLatencyMs.P99,
            WorkerBusyPercent = median.WorkerUsage.Count == 0 ? 0 : Math.Round(median.WorkerUsage.Average(w => w.BusyPercent), 1),
            WorkersWaitedOnFullQueueSeconds = Math.Round(median.WorkerUsage.Sum(w => w.QueueWaitSeconds), 3),
            WriterWaitedOnEmptyQueueSeconds = median.StageSeconds.GetValueOrDefault(PipelineMetrics.StageName(PipelineStage.WriterWait)),
            ElapsedSeconds = median.ElapsedSeconds,
            Succeeded = median.Succeeded,
            Failed = median.Failed,
        };
    }
}

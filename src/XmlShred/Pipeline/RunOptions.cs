using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

public enum PipelineMode
{
    /// <summary>Reader, N mapping workers and one background writer overlap, joined by bounded queues.</summary>
    Queued,
    /// <summary>The reference's shape, kept for comparison: fetch a page, map it in parallel, wait, insert it, repeat.</summary>
    Sequential,
}

/// <summary>Knobs of one run. Defaults suit a local SQLite target on a small machine.</summary>
public sealed record RunOptions
{
    public PipelineMode Mode { get; init; } = PipelineMode.Queued;
    public SourceSelection Selection { get; init; } = SourceSelection.All;
    /// <summary>Mapping workers (threads).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
    /// <summary>Applications per write transaction (queued) and per page (sequential).</summary>
    public int BatchSize { get; init; } = 500;
    /// <summary>Source rows per keyset page (queued mode; sequential mode pages by <see cref="BatchSize"/>). A page is held in memory
    /// while it is handed to the workers, so it stays small: full source documents can be megabytes each.</summary>
    public int PageSize { get; init; } = 250;
    /// <summary>Source documents waiting for a worker.</summary>
    public int WorkQueueSize { get; init; } = 256;
    /// <summary>Mapped applications waiting for the writer, by count.</summary>
    public int QueueSize { get; init; } = 4000;
    /// <summary>Mapped applications waiting for the writer, by estimated bytes.</summary>
    public long QueueBytes { get; init; } = 256L * 1024 * 1024;
    /// <summary>How long one database outage (transient faults: lost connection, restart, deadlock, busy) is retried
    /// before the run stops with exit 1; <see cref="RetryTimeBudget.Disabled"/> stops at the first fault.</summary>
    public RetryTimeBudget Retry { get; init; } = RetryTimeBudget.Default;
    public string RunId { get; init; } = Guid.NewGuid().ToString("N")[..12];
    /// <summary><c>YYYYMMDD_HHMMSS</c> of the process start, local clock (as the reference writes it).</summary>
    public string SessionId { get; init; } = DateTime.Now.ToString("yyyyMMdd_HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid knob.</summary>
    public void Validate()
    {
        if (Workers < 1) throw new ArgumentException("--workers must be at least 1");
        if (BatchSize < 1) throw new ArgumentException("--batch-size must be at least 1");
        if (PageSize < 1) throw new ArgumentException("--page-size must be at least 1");
        if (QueueSize < 1) throw new ArgumentException("--queue-size must be at least 1");
        if (QueueBytes < 1) throw new ArgumentException("--queue-bytes must be at least 1");
        if (Retry.Budget < TimeSpan.Zero) throw new ArgumentException("--retry-seconds must not be negative");
        if (WorkQueueSize < 1) throw new ArgumentException("work queue size must be at least 1");
        var s = Selection;
        if (s.Limit is < 1) throw new ArgumentException("--limit must be at least 1");
        if (s.AppIdStart is { } a && s.AppIdEnd is { } b && a > b) throw new ArgumentException("--app-id-start must not exceed --app-id-end");
        if ((s.PartitionCount is null) != (s.PartitionIndex is null)) throw new ArgumentException("a partition needs both k and n (k/n)");
        if (s.PartitionCount is { } n && (n < 1 || s.PartitionIndex < 0 || s.PartitionIndex >= n)) throw new ArgumentException("--partition k/n needs n ≥ 1 and 0 ≤ k < n");
    }
}

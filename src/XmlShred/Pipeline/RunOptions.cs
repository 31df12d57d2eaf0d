using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
    /// <summary>Source rows per keyset page (queued mode; sequential mode pages by <see cref="BatchSize"/>). A page is read whole
    /// before its documents are charged to the <see cref="MemoryBudget"/>, so it stays small: real documents reach 2 MB
    /// (4 MB as strings), and 250 of them held 550 MB of RSS where 16 hold about 230 MB (see docs/performance.md).</summary>
    public int PageSize { get; init; } = 16;
    /// <summary>Source documents waiting for a worker.</summary>
    public int WorkQueueSize { get; init; } = 256;
    /// <summary>Mapped applications waiting for the writer, by count. Two batches: when the writer is the slower side (a
    /// large SQLite file) a deeper queue only holds more memory (the soak's RSS rose with a 4,000 queue as it filled).</summary>
    public int QueueSize { get; init; } = 1000;
    /// <summary>
    /// Queued mode: the most estimated bytes held at once by documents read and not yet mapped and mapped rows not
    /// yet committed (see <see cref="MemoryCost"/>). The reader waits when it is spent. One document larger than the
    /// whole budget is still read, alone. The default keeps the process under 256 MB RSS on real-size documents.
    /// </summary>
    public long MemoryBudget { get; init; } = DefaultMemoryBudget;

    public const long DefaultMemoryBudget = 48L * 1024 * 1024;
    /// <summary>How long one database outage (transient faults: lost connection, restart, deadlock, busy) is retried
    /// before the run stops (<see cref="RunOutcome.StoppedByOutage"/>); <see cref="RetryTimeBudget.Disabled"/> stops at the first fault.</summary>
    public RetryTimeBudget Retry { get; init; } = RetryTimeBudget.Default;
    /// <summary>Claiming: lease length, heartbeat, chunk size. Every run claims chunks, so any number of instances can share a database.</summary>
    public Fleet.FleetOptions Fleet { get; init; } = new();
    /// <summary>Keep polling the source for new rows until stopped, instead of ending when no work is left.</summary>
    public bool Follow { get; init; }
    /// <summary>Process the applications whose processing_log row is <c>failed</c> again (and only those).</summary>
    public bool RetryFailed { get; init; }
    public string RunId { get; init; } = Guid.NewGuid().ToString("N")[..12];
    /// <summary><c>YYYYMMDD_HHMMSS</c> of the process start, local clock (as the reference writes it).</summary>
    public string SessionId { get; init; } = DateTime.Now.ToString("yyyyMMdd_HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the pipeline's events go (batch splits, isolated applications; see <see cref="Diagnostics.LogEvents"/>).</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting (a host maps settings to its own flags).</summary>
    public void Validate()
    {
        if (Workers < 1) throw OutOfRange(nameof(Workers), Workers, "must be at least 1");
        if (BatchSize < 1) throw OutOfRange(nameof(BatchSize), BatchSize, "must be at least 1");
        if (PageSize < 1) throw OutOfRange(nameof(PageSize), PageSize, "must be at least 1");
        if (QueueSize < 1) throw OutOfRange(nameof(QueueSize), QueueSize, "must be at least 1");
        if (WorkQueueSize < 1) throw OutOfRange(nameof(WorkQueueSize), WorkQueueSize, "must be at least 1");
        if (MemoryBudget < 1) throw OutOfRange(nameof(MemoryBudget), MemoryBudget, "must be at least 1 byte");
        if (Retry.Budget < TimeSpan.Zero) throw OutOfRange("Retry.Budget", Retry.Budget, "must not be negative");
        Fleet.Validate();
        var s = Selection;
        if (s.Limit is < 1) throw OutOfRange("Selection.Limit", s.Limit, "must be at least 1");
        if (s.AppIdStart is { } a && s.AppIdEnd is { } b && a > b)
            throw new ArgumentException($"{nameof(RunOptions)}.Selection.AppIdStart ({a}) must not exceed Selection.AppIdEnd ({b})", nameof(Selection));
        if ((s.PartitionCount is null) != (s.PartitionIndex is null))
            throw new ArgumentException($"{nameof(RunOptions)}.Selection needs both PartitionIndex and PartitionCount, or neither", nameof(Selection));
        if (s.PartitionCount is { } n && (n < 1 || s.PartitionIndex < 0 || s.PartitionIndex >= n))
            throw new ArgumentException($"{nameof(RunOptions)}.Selection.PartitionIndex must be from 0 to PartitionCount - 1, with PartitionCount at least 1", nameof(Selection));
    }

    private static ArgumentOutOfRangeException OutOfRange(string setting, object? value, string rule) =>
        new(setting, value, $"{nameof(RunOptions)}.{setting} {rule}");
}

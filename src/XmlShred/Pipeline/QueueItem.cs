using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>What a worker hands the writer: a mapped application, or the failed log row of one that could not be mapped.</summary>
internal sealed class QueueItem
{
    private QueueItem(ApplicationWrite? write, ProcessingLogEntry? failure, long bytes)
    {
        Write = write;
        Failure = failure;
        Bytes = bytes;
    }

    public ApplicationWrite? Write { get; }
    public ProcessingLogEntry? Failure { get; }
    /// <summary>Estimated memory held by the item; the insert queue's byte bound counts this.</summary>
    public long Bytes { get; }

    public static QueueItem Mapped(ApplicationWrite write) => new(write, null, Math.Max(write.EstimatedBytes, 1));

    public static QueueItem Failed(ProcessingLogEntry failure) => new(null, failure, 256 + (failure.FailureReason?.Length ?? 0) * 2);
}

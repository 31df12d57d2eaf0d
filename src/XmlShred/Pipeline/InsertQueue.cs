using System.Threading.Channels;

namespace XmlShred.Pipeline;

/// <summary>
/// Mapped applications on their way to the writer, bounded by count (a bounded channel, FullMode=Wait): a full
/// queue makes workers wait (backpressure, never a drop). Their memory is bounded by the run's
/// <see cref="ByteBudget"/>, charged upstream when the reader admits a document, so this queue only counts bytes
/// for the gauges.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the pipeline's insert queue; the name says so.")]
internal sealed class InsertQueue
{
    private readonly Channel<QueueItem> _channel;
    private long _bytes;

    public InsertQueue(int capacity)
    {
        _channel = Channel.CreateBounded<QueueItem>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public int Count => _channel.Reader.Count;

    /// <summary>Estimated bytes of the items waiting in the queue.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Waits for room by count.</summary>
    public async ValueTask EnqueueAsync(QueueItem item, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _bytes, item.Bytes);
    }

    /// <summary>No more items will come (every worker finished).</summary>
    public void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    /// <summary>True when an item is available; false when the queue is completed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    public bool TryDequeue(out QueueItem item)
    {
        if (_channel.Reader.TryRead(out item!))
        {
            Interlocked.Add(ref _bytes, -item.Bytes);
            return true;
        }
        return false;
    }
}

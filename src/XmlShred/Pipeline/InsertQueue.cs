using System.Threading.Channels;

namespace XmlShred.Pipeline;

/// <summary>
/// Mapped applications on their way to the writer, bounded by count (a bounded channel, FullMode=Wait) and by
/// estimated bytes (<see cref="ByteBudget"/>). A full queue makes workers wait: backpressure, never a drop.
/// Bytes are released when the writer takes an item.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the pipeline's insert queue; the name says so.")]
public sealed class InsertQueue
{
    private readonly Channel<QueueItem> _channel;
    private readonly ByteBudget _bytes;

    public InsertQueue(int capacity, long byteCapacity)
    {
        _channel = Channel.CreateBounded<QueueItem>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _bytes = new ByteBudget(byteCapacity);
    }

    public int Count => _channel.Reader.Count;

    public long Bytes => _bytes.InUse;

    /// <summary>Waits for room by bytes, then by count.</summary>
    public async ValueTask EnqueueAsync(QueueItem item, CancellationToken cancellationToken)
    {
        await _bytes.AcquireAsync(item.Bytes, cancellationToken).ConfigureAwait(false);
        try
        {
            await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _bytes.Release(item.Bytes);
            throw;
        }
    }

    /// <summary>No more items will come (every worker finished).</summary>
    public void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    /// <summary>True when an item is available; false when the queue is completed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    public bool TryDequeue(out QueueItem item)
    {
        if (_channel.Reader.TryRead(out item!))
        {
            _bytes.Release(item.Bytes);
            return true;
        }
        return false;
    }
}

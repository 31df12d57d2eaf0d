using System.Diagnostics;
using System.Threading.Channels;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// Stage 2 (N of these): takes documents from the work channel, maps them, and puts the result in the insert
/// queue, waiting when it is full. Busy time is mapping; everything else is idle (waiting for input or room).
/// </summary>
internal sealed class MapWorker
{
    private readonly int _id;
    private readonly DocumentProcessor _processor;
    private readonly InsertQueue _queue;
    private readonly PipelineMetrics _metrics;
    private readonly ByteBudget? _memory;

    /// <param name="memory">The run's memory budget: the document's charge is swapped for its mapped rows' charge.</param>
    public MapWorker(int id, DocumentProcessor processor, InsertQueue queue, PipelineMetrics metrics, ByteBudget? memory = null)
    {
        _memory = memory;
        _id = id;
        _processor = processor;
        _queue = queue;
        _metrics = metrics;
    }

    public async Task RunAsync(ChannelReader<SourceDocument> work, CancellationToken abort)
    {
        var lifetime = Stopwatch.StartNew();
        var busy = TimeSpan.Zero;
        var queueWait = TimeSpan.Zero;
        try
        {
            while (await work.WaitToReadAsync(abort).ConfigureAwait(false))
            {
                while (work.TryRead(out var document))
                {
                    var start = lifetime.Elapsed;
                    var item = _processor.Process(document);
                    _memory?.Exchange(MemoryCost.Document(document), item.Bytes);
                    var mapped = lifetime.Elapsed;
                    busy += mapped - start;
                    _metrics.AddStage(PipelineStage.ParseMap, mapped - start);
                    await _queue.EnqueueAsync(item, abort).ConfigureAwait(false);
                    var waited = lifetime.Elapsed - mapped;
                    queueWait += waited;
                    _metrics.AddStage(PipelineStage.QueueWait, waited);
                }
            }
        }
        finally
        {
            _metrics.RecordWorker(_id, busy, queueWait, lifetime.Elapsed);
        }
    }
}

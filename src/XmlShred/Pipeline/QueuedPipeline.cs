using System.Threading.Channels;
using XmlShred.Contract;
using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// reader → [work channel, bounded] → N map workers → [insert queue, bounded by count and bytes] → one writer.
/// Every stage shares one failure token: when any stage throws, the others are cancelled and the first real
/// error surfaces. A stop request only ends the reader; the rest drains.
/// </summary>
internal sealed class QueuedPipeline
{
    private readonly ITargetDatabase _database;
    private readonly CompiledContract _contract;
    private readonly RunOptions _options;
    private readonly DocumentProcessor _processor;
    private readonly PipelineMetrics _metrics;
    private readonly TransientRetry _retry;
    private readonly Fleet.FleetSession _fleet;

    public QueuedPipeline(ITargetDatabase database, CompiledContract contract, RunOptions options, DocumentProcessor processor, PipelineMetrics metrics, TransientRetry retry,
        Fleet.FleetSession fleet)
    {
        _fleet = fleet;
        _retry = retry;
        _database = database;
        _contract = contract;
        _options = options;
        _processor = processor;
        _metrics = metrics;
    }

    public async Task RunAsync(FailureTally failures, CancellationToken stop, CancellationToken abort)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var work = Channel.CreateBounded<SourceDocument>(new BoundedChannelOptions(_options.WorkQueueSize)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
        var queue = new InsertQueue(_options.QueueSize);
        // One budget for everything held at once: documents read and not yet mapped, mapped rows not yet committed.
        var memory = new ByteBudget(_options.MemoryBudget);
        _metrics.AttachQueues(() => work.Reader.Count, () => queue.Count, () => queue.Bytes);
        _metrics.AttachMemoryBudget(memory);
        await using var writer = await RetryingBatchWriter.OpenAsync(_database, _contract, _retry, abort).ConfigureAwait(false);
        var writerStage = new BatchWriterStage(queue, writer, _database.ClassifyFailure, _options.BatchSize, _metrics, memory, failures, _options.Logger, _fleet);

        async Task Guard(Func<Task> stage)
        {
            try
            {
                await stage().ConfigureAwait(false);
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        var reader = Task.Run(() => Guard(() => new SourceReader(_fleet.Source, _options, _metrics, memory).RunAsync(work.Writer, stop, failed.Token)));
        var workers = Enumerable.Range(0, _options.Workers)
            .Select(i => Task.Run(() => Guard(() => new MapWorker(i, _processor, queue, _metrics, memory).RunAsync(work.Reader, failed.Token))))
            .ToArray();
        var mapping = Task.WhenAll(workers).ContinueWith(t => queue.Complete(t.Exception?.GetBaseException()), TaskScheduler.Default);
        var writing = Task.Run(() => Guard(() => writerStage.RunAsync(failed.Token)));

        try
        {
            await Task.WhenAll(reader, Task.WhenAll(workers), mapping, writing).ConfigureAwait(false);
        }
        catch (Exception) when (!abort.IsCancellationRequested)
        {
            // Surface the first real error, not the cancellations it caused in the other stages.
            var first = new[] { reader, writing }.Concat(workers)
                .Where(t => t.IsFaulted)
                .Select(t => t.Exception!.GetBaseException())
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            throw;
        }
        finally
        {
            _metrics.StopSampling();
        }
    }
}

using System.Diagnostics;
using XmlShred.Contract;
using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// The reference's before-state, kept for comparison (<c>--mode sequential</c>): fetch a page of
/// <see cref="RunOptions.BatchSize"/> documents, map it with N parallel workers, wait for all of them, write it,
/// repeat. As in the reference (OUTPUT-2), each application is written in a transaction of its own. Nothing overlaps,
/// so the database idles while mapping runs and the CPUs idle while it writes.
/// </summary>
internal sealed class SequentialPipeline
{
    private readonly ITargetDatabase _database;
    private readonly CompiledContract _contract;
    private readonly RunOptions _options;
    private readonly DocumentProcessor _processor;
    private readonly PipelineMetrics _metrics;
    private readonly TransientRetry _retry;
    private readonly Fleet.FleetSession _fleet;

    public SequentialPipeline(ITargetDatabase database, CompiledContract contract, RunOptions options, DocumentProcessor processor, PipelineMetrics metrics, TransientRetry retry,
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
        var pageItems = 0;
        _metrics.AttachQueues(() => 0, () => Volatile.Read(ref pageItems), () => 0);
        await using var writer = await RetryingBatchWriter.OpenAsync(_database, _contract, _retry, abort).ConfigureAwait(false);
        var writerStage = new BatchWriterStage(new InsertQueue(1), writer, _database.ClassifyFailure, _options.BatchSize, _metrics, failures: failures, logger: _options.Logger, fleet: _fleet);
        var clock = Stopwatch.StartNew();
        try
        {
            await foreach (var page in _fleet.Source.PagesAsync(_options.BatchSize, admission: null, stop, abort).ConfigureAwait(false))
            {
                _metrics.AddStage(PipelineStage.Read, clock.Elapsed);
                _metrics.AddRead(page.Count);
                var items = new QueueItem[page.Count];
                var mapClock = Stopwatch.StartNew();
                Parallel.For(0, page.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Workers, CancellationToken = abort },
                    i => items[i] = _processor.Process(page[i]));
                _metrics.AddStage(PipelineStage.ParseMap, mapClock.Elapsed);
                Volatile.Write(ref pageItems, page.Count);
                var unmapped = items.Where(i => i.Failure is not null).Select(i => i.Failure!).ToList();
                await writerStage.FlushAsync([], unmapped, abort).ConfigureAwait(false);
                foreach (var item in items)
                {
                    if (item.Write is not null) await writerStage.FlushAsync([item.Write], unmapped, abort).ConfigureAwait(false);
                }
                Volatile.Write(ref pageItems, 0);
                if (stop.IsCancellationRequested) break;
                clock.Restart();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            // Stopped while waiting for work (following, or for a peer's chunk): everything read was written.
        }
        finally
        {
            _metrics.StopSampling();
        }
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// Stage 1: pages claimed work (chunk by chunk, keyset by app_id, selection applied, logged app_ids skipped) into
/// the bounded work channel. Stopping (first Ctrl+C) ends reading cleanly; the channel is completed either way so
/// the workers drain what was read. A transient fault re-opens the read after the last app_id handed on.
/// </summary>
internal sealed class SourceReader
{
    private readonly Fleet.ClaimingSource _source;
    private readonly RunOptions _options;
    private readonly PipelineMetrics _metrics;
    private readonly ByteBudget? _memory;

    /// <param name="source">Claims chunks and reads their work (re-opened after a transient fault, from the last app_id handed on).</param>
    /// <param name="memory">The run's memory budget: every document waits for its charge before it is handed on.</param>
    public SourceReader(Fleet.ClaimingSource source, RunOptions options, PipelineMetrics metrics, ByteBudget? memory = null)
    {
        _source = source;
        _memory = memory;
        _options = options;
        _metrics = metrics;
    }

    /// <param name="stop">Stop reading (documents already read are still processed).</param>
    /// <param name="abort">Fail/abort: give up at once.</param>
    public async Task RunAsync(ChannelWriter<SourceDocument> work, CancellationToken stop, CancellationToken abort)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, abort);
        try
        {
            var clock = Stopwatch.StartNew();
            await foreach (var page in _source.PagesAsync(_options.PageSize, stop, abort).ConfigureAwait(false))
            {
                _metrics.AddStage(PipelineStage.Read, clock.Elapsed);
                foreach (var document in page)
                {
                    var cost = MemoryCost.Document(document);
                    if (_memory is not null) await _memory.AcquireAsync(cost, either.Token).ConfigureAwait(false);
                    try
                    {
                        await work.WriteAsync(document, either.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        _memory?.Release(cost); // never handed on: nobody else will release it
                        throw;
                    }
                    _metrics.AddRead(1); // counts documents handed on: those are the ones a stop still finishes
                }
                clock.Restart();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            // Graceful stop: documents not yet handed to a worker stay pending for the next run.
        }
        finally
        {
            work.TryComplete();
        }
    }
}

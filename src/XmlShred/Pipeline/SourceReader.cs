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
            var admission = _memory is null ? null : new DocumentAdmission(_memory);
            await foreach (var page in _source.PagesAsync(_options.PageSize, admission, stop, abort).ConfigureAwait(false))
            {
                _metrics.AddStage(PipelineStage.Read, clock.Elapsed);
                for (var i = 0; i < page.Count; i++)
                {
                    var document = page[i];
                    var cost = MemoryCost.Document(document);
                    try
                    {
                        // Charged before its text was read (the usual case): only true the estimate up, never wait.
                        if (document.Admitted > 0) _memory!.Exchange(document.Admitted, cost);
                        else if (_memory is not null) await _memory.AcquireAsync(cost, either.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        ReleaseFrom(page, i + 1);
                        throw;
                    }
                    try
                    {
                        await work.WriteAsync(document, either.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        _memory?.Release(cost); // never handed on: nobody else will release it
                        ReleaseFrom(page, i + 1);
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

    /// <summary>Gives back the charges of a page's documents that will not be handed on.</summary>
    private void ReleaseFrom(IReadOnlyList<SourceDocument> page, int first)
    {
        for (var i = first; i < page.Count; i++)
        {
            if (page[i].Admitted > 0) _memory?.Release(page[i].Admitted);
        }
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using XmlShred.Contract;
using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// Stage 1: pages pending source rows (keyset by app_id, selection applied, logged app_ids skipped) into the
/// bounded work channel. Stopping (first Ctrl+C) ends reading cleanly; the channel is completed either way so
/// the workers drain what was read. A transient fault re-opens the read after the last app_id handed on.
/// </summary>
internal sealed class SourceReader
{
    private readonly ITargetDatabase _database;
    private readonly CompiledContract _contract;
    private readonly RunOptions _options;
    private readonly PipelineMetrics _metrics;
    private readonly TransientRetry _retry;
    private readonly ByteBudget? _memory;

    /// <param name="retry">Re-opens the read after a transient fault, from the last app_id handed on.</param>
    /// <param name="memory">The run's memory budget: every document waits for its charge before it is handed on.</param>
    public SourceReader(ITargetDatabase database, CompiledContract contract, RunOptions options, PipelineMetrics metrics, TransientRetry retry, ByteBudget? memory = null)
    {
        _retry = retry;
        _memory = memory;
        _database = database;
        _contract = contract;
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
            await foreach (var page in ResumableSourcePages.ReadAsync(_database, _contract, _options.Selection, _options.PageSize, _retry, either.Token).ConfigureAwait(false))
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

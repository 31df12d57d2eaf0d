using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using XmlShred.Diagnostics;
using XmlShred.Fleet;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// Writes a batch; when it fails, rolls back (the writer does) and splits it in halves until the failing
/// application is alone. That application gets a failed log row with the database's message (stage
/// constraint_violation or database); every other application commits. A fatal error (the database, not an
/// application, is at fault) is rethrown at once so no healthy application is marked failed; so is a transient one,
/// which reaches here only when the retry time is used up. An application another instance logged first is counted
/// done elsewhere, never failed; a chunk whose lease was taken over has its applications dropped (the new holder
/// writes them) and the rest of the batch is written.
/// </summary>
internal sealed class BatchBisector
{
    private readonly IBatchWriter _writer;
    private readonly Func<Exception, WriteFailureKind> _classify;
    private readonly ILogger _logger;

    public BatchBisector(IBatchWriter writer, Func<Exception, WriteFailureKind> classify, ILogger? logger = null)
    {
        _writer = writer;
        _classify = classify;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
    {
        var outcome = new BatchOutcome();
        if (batch.Count > 0) await WriteAsync(batch, outcome, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private async Task WriteAsync(IReadOnlyList<ApplicationWrite> batch, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            outcome.Attempts++;
            var timings = await _writer.WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            outcome.Committed += batch.Count - timings.DoneElsewhere;
            outcome.DoneElsewhere += timings.DoneElsewhere;
            outcome.RowsWritten += timings.RowsWritten;
            outcome.InsertTime += timings.Insert;
            outcome.CommitTime += timings.Commit;
        }
        catch (LeaseLostException lost)
        {
            // Another instance owns that chunk now: drop its applications, write the rest.
            outcome.LostLeases.Add(lost.Lease);
            var rest = batch.Where(w => w.Log.Lease != lost.Lease).ToArray();
            outcome.Dropped += batch.Count - rest.Length;
            if (rest.Length > 0) await WriteAsync(rest, outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var kind = _classify(ex);
            if (kind is WriteFailureKind.Fatal or WriteFailureKind.Transient) throw;
            if (batch.Count == 1)
            {
                var failed = ProcessingLogFactory.Failed(batch[0].Log, kind.Stage()!, ex.Message);
                try
                {
                    if ((await _writer.WriteFailuresAsync([failed], cancellationToken).ConfigureAwait(false)).Count == 0)
                    {
                        outcome.DoneElsewhere++; // completed by another instance meanwhile: never logged failed
                        return;
                    }
                }
                catch (LeaseLostException lost)
                {
                    outcome.LostLeases.Add(lost.Lease);
                    outcome.Dropped++;
                    return;
                }
                outcome.Failed.Add(failed);
                _logger.ApplicationIsolated(failed.AppId, failed.Stage!, failed.FailureReason ?? ex.Message);
                return;
            }
            _logger.BatchSplit(batch.Count, batch[0].AppId, batch[^1].AppId, ex.GetType().Name, ex.Message);
            var half = batch.Count / 2;
            await WriteAsync(Slice(batch, 0, half), outcome, cancellationToken).ConfigureAwait(false);
            await WriteAsync(Slice(batch, half, batch.Count - half), outcome, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ApplicationWrite[] Slice(IReadOnlyList<ApplicationWrite> batch, int start, int count)
    {
        var slice = new ApplicationWrite[count];
        for (var i = 0; i < count; i++) slice[i] = batch[start + i];
        return slice;
    }
}

/// <summary>What writing one batch did: committed applications, isolated failures, and where the time went.</summary>
internal sealed class BatchOutcome
{
    public int Committed { get; set; }
    /// <summary>Applications another instance had logged first: nothing written for them here.</summary>
    public int DoneElsewhere { get; set; }
    /// <summary>Applications of chunks whose lease was lost before they could be written.</summary>
    public int Dropped { get; set; }
    public List<ChunkLease> LostLeases { get; } = [];
    public long RowsWritten { get; set; }
    /// <summary>Transactions tried (1 when the batch committed at once).</summary>
    public int Attempts { get; set; }
    public List<ProcessingLogEntry> Failed { get; } = [];
    public TimeSpan InsertTime { get; set; }
    public TimeSpan CommitTime { get; set; }
}

using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>Runs one pipeline (queued or sequential) to completion, stop or abort, and summarises it.</summary>
public static class PipelineRunner
{
    /// <param name="map">
    /// The pipeline's one mapper seam: <see cref="DocumentMapper.Map"/> or <see cref="ProductLineMapper.Map"/>, or any
    /// function like them. Called from several workers at once, so it must be thread-safe; it never throws for a bad
    /// document (it returns a rejected <see cref="MappingResult"/>).
    /// </param>
    /// <param name="notify">Told of fleet events worth a line on the console (a lease lost to another instance).</param>
    /// <param name="onRetry">Told of every transient database fault, recovery and give-up (for the log); also counted in <paramref name="metrics"/>.</param>
    /// <exception cref="OperationCanceledException">The run was aborted (second Ctrl+C); the open batch was rolled back.</exception>
    /// <remarks>
    /// A database outage longer than <see cref="RunOptions.Retry"/> does not throw: the summary says what was
    /// committed and carries the reason in <see cref="RunSummary.StoppedBy"/> (<see cref="RunOutcome.StoppedByOutage"/>).
    /// </remarks>
    public static async Task<RunSummary> RunAsync(ITargetDatabase database, CompiledContract contract, Func<string, MappingResult> map, RunOptions options,
        PipelineMetrics metrics, CancellationToken stop, CancellationToken abort, Action<RetryEvent>? onRetry = null, Action<string>? notify = null)
    {
        options.Validate();
        var nullXml = options.RetryFailed ? 0 : await database.CountNullXmlAsync(contract, options.Selection, abort).ConfigureAwait(false);
        var processor = new DocumentProcessor(map, new ProcessingLogFactory(options, contract.Hash));
        var retry = new TransientRetry(e => database.ClassifyFailure(e) == WriteFailureKind.Transient, options.Retry, e =>
        {
            metrics.RecordRetry(e);
            onRetry?.Invoke(e);
        });
        var failures = new FailureTally();
        string? stoppedBy = null;
        try
        {
            // Every run claims its work, so any number of instances may share the database (one alone claims everything).
            await using var fleet = Fleet.FleetSession.Start(database, contract, options, metrics, retry, notify);
            await (options.Mode == PipelineMode.Sequential
                ? new SequentialPipeline(database, contract, options, processor, metrics, retry, fleet).RunAsync(failures, stop, abort)
                : new QueuedPipeline(database, contract, options, processor, metrics, retry, fleet).RunAsync(failures, stop, abort)).ConfigureAwait(false);
        }
        catch (DatabaseUnavailableException ex) when (!abort.IsCancellationRequested)
        {
            // Every committed batch is complete and logged; the rest stays pending for the next run.
            stoppedBy = ex.Message;
        }
        abort.ThrowIfCancellationRequested();
        return new RunSummary
        {
            RunId = options.RunId,
            Mode = options.Mode,
            Read = metrics.Read,
            Succeeded = metrics.Succeeded,
            Failed = metrics.Failed,
            DoneElsewhere = metrics.DoneElsewhere,
            Dropped = metrics.Dropped,
            RowsWritten = metrics.RowsWritten,
            Elapsed = metrics.Elapsed,
            Interrupted = stop.IsCancellationRequested,
            FailuresByStage = failures.ByStage,
            FailureExamples = failures.Examples,
            Retries = metrics.Retries,
            OutageTime = metrics.OutageTime,
            StoppedBy = stoppedBy,
            SkippedNullXml = nullXml,
        };
    }
}

using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>Runs one pipeline (queued or sequential) to completion, stop or abort, and summarises it.</summary>
public static class PipelineRunner
{
    /// <param name="map">The mapping function, normally <see cref="DocumentMapper.Map"/>; thread-safe, never throws for bad documents.</param>
    /// <exception cref="OperationCanceledException">The run was aborted (second Ctrl+C); the open batch was rolled back.</exception>
    public static async Task<RunSummary> RunAsync(ITargetDatabase database, CompiledContract contract, Func<string, MappingResult> map, RunOptions options,
        PipelineMetrics metrics, CancellationToken stop, CancellationToken abort)
    {
        options.Validate();
        var nullXml = await database.CountNullXmlAsync(contract, options.Selection, abort).ConfigureAwait(false);
        var processor = new DocumentProcessor(map, new ProcessingLogFactory(options, contract.Hash));
        var failures = options.Mode == PipelineMode.Sequential
            ? await new SequentialPipeline(database, contract, options, processor, metrics).RunAsync(stop, abort).ConfigureAwait(false)
            : await new QueuedPipeline(database, contract, options, processor, metrics).RunAsync(stop, abort).ConfigureAwait(false);
        abort.ThrowIfCancellationRequested();
        return new RunSummary
        {
            RunId = options.RunId,
            Mode = options.Mode,
            Read = metrics.Read,
            Succeeded = metrics.Succeeded,
            Failed = metrics.Failed,
            RowsWritten = metrics.RowsWritten,
            Elapsed = metrics.Elapsed,
            Interrupted = stop.IsCancellationRequested,
            FailuresByStage = failures.ByStage,
            FailureExamples = failures.Examples,
            SkippedNullXml = nullXml,
        };
    }
}

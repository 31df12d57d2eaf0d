using Microsoft.Extensions.Logging;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// Stage 3: the single background writer. Takes whatever is queued, up to the batch size, and writes it:
/// failed log rows of unmappable applications in one transaction, mapped applications in another (bisected on
/// failure). It drains the queue until every worker has finished, so a graceful stop commits everything mapped.
/// </summary>
internal sealed class BatchWriterStage
{
    private readonly InsertQueue _queue;
    private readonly IBatchWriter _writer;
    private readonly BatchBisector _bisector;
    private readonly int _batchSize;
    private readonly PipelineMetrics _metrics;
    private readonly ByteBudget? _memory;
    private long _held;

    /// <param name="memory">The run's memory budget: what the taken items were charged is released once they are written.</param>
    /// <param name="failures">Where failed applications are tallied (kept when a later batch stops the run).</param>
    /// <param name="logger">Where batch splits and isolated applications are logged.</param>
    public BatchWriterStage(InsertQueue queue, IBatchWriter writer, Func<Exception, WriteFailureKind> classify, int batchSize, PipelineMetrics metrics, ByteBudget? memory = null,
        FailureTally? failures = null, ILogger? logger = null)
    {
        _memory = memory;
        Failures = failures ?? new FailureTally();
        _queue = queue;
        _writer = writer;
        _bisector = new BatchBisector(writer, classify, logger);
        _batchSize = batchSize;
        _metrics = metrics;
    }

    /// <summary>Failed applications written so far (kept when a later batch stops the run).</summary>
    public FailureTally Failures { get; }

    public async Task RunAsync(CancellationToken abort)
    {
        var batch = new List<ApplicationWrite>(_batchSize);
        var failures = new List<ProcessingLogEntry>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await _queue.WaitToReadAsync(abort).ConfigureAwait(false))
        {
            Take(batch, failures);
            if (batch.Count + failures.Count < _batchSize) await LingerAsync(batch, failures, abort).ConfigureAwait(false);
            // Time with nothing (or too little) to write, lingering included: the writer outpaces the workers.
            _metrics.AddStage(PipelineStage.WriterWait, clock.Elapsed);
            await FlushAsync(batch, failures, abort).ConfigureAwait(false);
            // The batch's rows are garbage now: hand their bytes back so the reader can admit more documents.
            _memory?.Release(_held);
            _held = 0;
            clock.Restart();
        }
    }

    /// <summary>How long a part-full batch waits for more applications before it is written anyway.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(20);

    private void Take(List<ApplicationWrite> batch, List<ProcessingLogEntry> failures)
    {
        while (batch.Count + failures.Count < _batchSize && _queue.TryDequeue(out var item))
        {
            _held += item.Bytes;
            if (item.Write is not null) batch.Add(item.Write);
            else failures.Add(item.Failure!);
        }
    }

    /// <summary>
    /// When the writer is faster than the workers it would commit a handful of applications at a time; each commit
    /// rewrites the same index pages. Waiting a few milliseconds for the batch to fill costs no throughput (the
    /// workers keep mapping) and saves most of that work.
    /// </summary>
    private async Task LingerAsync(List<ApplicationWrite> batch, List<ProcessingLogEntry> failures, CancellationToken abort)
    {
        using var linger = CancellationTokenSource.CreateLinkedTokenSource(abort);
        linger.CancelAfter(Linger);
        try
        {
            while (batch.Count + failures.Count < _batchSize && await _queue.WaitToReadAsync(linger.Token).ConfigureAwait(false)) Take(batch, failures);
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            // Linger over: write what we have.
        }
    }

    /// <summary>Writes one batch of mapped applications and failure rows (also used by the sequential mode).</summary>
    public async Task FlushAsync(List<ApplicationWrite> batch, List<ProcessingLogEntry> failures, CancellationToken abort)
    {
        if (failures.Count > 0)
        {
            await WriteFailuresAsync(failures, abort).ConfigureAwait(false);
            failures.Clear();
        }
        if (batch.Count > 0)
        {
            var outcome = await _bisector.WriteAsync(batch, abort).ConfigureAwait(false);
            _metrics.RecordBatch(outcome);
            Failures.AddRange(outcome.Failed);
            batch.Clear();
        }
    }

    /// <summary>Failed log rows: an application another instance logged first is counted as done elsewhere, never as failed here.</summary>
    private async Task WriteFailuresAsync(List<ProcessingLogEntry> failures, CancellationToken abort)
    {
        var written = (await _writer.WriteFailuresAsync(failures, abort).ConfigureAwait(false)).ToHashSet();
        var logged = failures.Where(f => written.Contains(f.AppId)).ToList();
        _metrics.AddFailed(logged.Count);
        _metrics.AddDoneElsewhere(failures.Count - logged.Count);
        Failures.AddRange(logged);
    }
}

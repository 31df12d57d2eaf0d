using Microsoft.Extensions.Logging;
using XmlShred.Fleet;
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
    private readonly FleetSession? _fleet;
    private long _held;

    /// <param name="memory">The run's memory budget: what the taken items were charged is released once they are written.</param>
    /// <param name="failures">Where failed applications are tallied (kept when a later batch stops the run).</param>
    /// <param name="logger">Where batch splits and isolated applications are logged.</param>
    /// <param name="fleet">The run's claims: each transaction checks the fence of its leases, and chunks are settled once written.</param>
    public BatchWriterStage(InsertQueue queue, IBatchWriter writer, Func<Exception, WriteFailureKind> classify, int batchSize, PipelineMetrics metrics, ByteBudget? memory = null,
        FailureTally? failures = null, ILogger? logger = null, FleetSession? fleet = null)
    {
        _fleet = fleet;
        if (fleet is not null) writer.Claims = fleet.Claims;
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
        if (batch.Count == 0 && failures.Count == 0) return;
        var leases = batch.Select(w => w.Log.Lease).Concat(failures.Select(f => f.Lease)).ToList();
        var lost = new List<ChunkLease>();
        if (_fleet is not null) await _fleet.Gate.WaitAsync(abort).ConfigureAwait(false);
        try
        {
            if (failures.Count > 0) await WriteFailuresAsync(failures, lost, abort).ConfigureAwait(false);
            if (batch.Count > 0)
            {
                var outcome = await _bisector.WriteAsync(batch, abort).ConfigureAwait(false);
                _metrics.RecordBatch(outcome);
                Failures.AddRange(outcome.Failed);
                lost.AddRange(outcome.LostLeases);
            }
        }
        finally
        {
            _fleet?.Gate.Release();
            batch.Clear();
            failures.Clear();
        }
        if (_fleet is null) return;
        foreach (var lease in lost) _fleet.Tracker.Lost(lease);
        await _fleet.Tracker.ResolvedAsync(leases, abort).ConfigureAwait(false);
    }

    /// <summary>
    /// Failed log rows: an application another instance logged first is counted as done elsewhere, never as failed
    /// here; the rows of a chunk whose lease was lost are dropped and the rest written.
    /// </summary>
    private async Task WriteFailuresAsync(List<ProcessingLogEntry> failures, List<ChunkLease> lost, CancellationToken abort)
    {
        var pending = failures;
        while (pending.Count > 0)
        {
            try
            {
                var written = (await _writer.WriteFailuresAsync(pending, abort).ConfigureAwait(false)).ToHashSet();
                var logged = pending.Where(f => written.Contains(f.AppId)).ToList();
                _metrics.AddFailed(logged.Count);
                _metrics.AddDoneElsewhere(pending.Count - logged.Count);
                Failures.AddRange(logged);
                return;
            }
            catch (LeaseLostException ex)
            {
                lost.Add(ex.Lease);
                var rest = pending.Where(f => f.Lease != ex.Lease).ToList();
                _metrics.AddDropped(pending.Count - rest.Count);
                pending = rest;
            }
        }
    }
}

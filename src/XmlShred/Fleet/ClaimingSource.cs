using System.Runtime.CompilerServices;
using XmlShred.Contract;
using XmlShred.Pipeline;
using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;

namespace XmlShred.Fleet;

/// <summary>
/// The source side of every run: claim a chunk, read its remaining work (keyset pages, the run's selection applied
/// inside the chunk, re-opened after a transient fault), hand it on tagged with the lease, then claim the next. When
/// nothing is claimable the run ends, unless another instance still holds a live chunk with work (it may die: wait
/// and retry, so its chunk is taken over once the lease expires) or the run follows the source for new rows.
/// </summary>
public sealed class ClaimingSource
{
    private readonly ITargetDatabase _database;
    private readonly CompiledContract _contract;
    private readonly ClaimStore _store;
    private readonly ChunkTracker _tracker;
    private readonly RunOptions _options;
    private readonly TransientRetry _retry;

    private readonly Action<string>? _notify;

    /// <param name="notify">Told, at the end, of capped chunks that still hold work.</param>
    internal ClaimingSource(ITargetDatabase database, CompiledContract contract, ClaimStore store, ChunkTracker tracker, RunOptions options, TransientRetry retry,
        Action<string>? notify = null)
    {
        _notify = notify;
        _database = database;
        _contract = contract;
        _store = store;
        _tracker = tracker;
        _options = options;
        _retry = retry;
    }

    /// <summary>What counts as work for this run (the limit is applied by the reader, not by the claim).</summary>
    public WorkFilter Filter => new(_options.Selection with { Limit = null, RetryFailed = false, RetryRunId = null }, _options.RetryFailed, _options.RunId);

    /// <summary>Pages of claimed work until nothing is left (or, following, until <paramref name="stop"/>).</summary>
    /// <param name="admission">Charges each row before its text is read (see <see cref="KeysetSourceReader"/>); null for none.</param>
    public async IAsyncEnumerable<IReadOnlyList<SourceDocument>> PagesAsync(int pageSize, ISourceAdmission? admission, CancellationToken stop,
        [EnumeratorCancellation] CancellationToken abort)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, abort);
        var filter = Filter;
        var remaining = _options.Selection.Limit ?? long.MaxValue;
        await _retry.ExecuteAsync("cutting the source into chunks", ct => _store.SeedAsync(reconcile: true, ct), abort).ConfigureAwait(false);
        var random = new Random();
        var empty = new HashSet<long>();
        while (remaining > 0 && !stop.IsCancellationRequested)
        {
            await WaitForRoomAsync(either.Token).ConfigureAwait(false);
            var first = _tracker.Open == 0; // a chunk claimed ahead is not an attempt yet (see ClaimStore.ClaimAsync)
            var lease = await _retry.ExecuteAsync("claiming a chunk", ct => _store.ClaimAsync(filter, ct, countsAsAttempt: first), abort).ConfigureAwait(false);
            if (lease is null)
            {
                if (_options.Follow) await _retry.ExecuteAsync("looking for new source rows", ct => _store.SeedAsync(reconcile: false, ct), abort).ConfigureAwait(false);
                else if (!await _retry.ExecuteAsync("looking for chunks held elsewhere", ct => _store.OthersHoldWorkAsync(filter, ct), abort).ConfigureAwait(false))
                {
                    await TellOfCappedChunksAsync(filter, abort).ConfigureAwait(false);
                    yield break;
                }
                // Jitter keeps idle instances from polling in step.
                var poll = _options.Fleet.IdlePoll * (0.75 + random.NextDouble() / 2);
                await Task.Delay(poll, either.Token).ConfigureAwait(false);
                continue;
            }
            _tracker.Claimed(lease);
            var complete = false;
            var read = 0;
            try
            {
                var selection = Narrow(_options.Selection, lease, remaining);
                await foreach (var page in ResumableSourcePages.ReadAsync(_database, _contract, selection, pageSize, _retry, admission, either.Token).ConfigureAwait(false))
                {
                    if (_tracker.IsLost(lease))
                    {
                        // never handed on: give their memory charges back
                        foreach (var dropped in page.Where(d => d.Admitted > 0)) admission?.Release(dropped.Admitted);
                        break;
                    }
                    var tagged = new SourceDocument[page.Count];
                    for (var i = 0; i < page.Count; i++) tagged[i] = page[i] with { Lease = lease };
                    _tracker.Read(lease, tagged.Length);
                    read += tagged.Length;
                    remaining -= tagged.Length;
                    yield return tagged;
                }
                // Read to the end of the chunk's work, with nothing cut short: the chunk can be finished.
                complete = remaining > 0 && !stop.IsCancellationRequested && !_tracker.IsLost(lease);
            }
            finally
            {
                await _tracker.ReadingDoneAsync(lease, complete, abort.IsCancellationRequested ? CancellationToken.None : abort).ConfigureAwait(false);
            }
            // The claim saw work that the read did not find (another instance logged it in between): fine once; twice
            // for the same chunk means the claim and the read disagree, and claiming on would spin.
            if (read == 0 && complete && !empty.Add(lease.ChunkId))
                throw new InvalidOperationException($"{lease} was claimed for work twice but held none to read: the claim filter and the source query disagree");
        }
    }

    /// <summary>The run ends with nothing claimable: say so when capped chunks still hold work, which no run will take.</summary>
    private async Task TellOfCappedChunksAsync(WorkFilter filter, CancellationToken abort)
    {
        if (_notify is null) return;
        var capped = await _retry.ExecuteAsync("counting chunks at the attempt cap", ct => _store.CappedWithWorkAsync(filter, ct), abort).ConfigureAwait(false);
        if (capped > 0)
            _notify(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{capped:N0} chunk(s) with unprocessed applications reached the attempt cap ({_store.Options.MaxAttempts} claims whose holders died before committing) and were left alone: see `xmlshred status`, and look for the application that crashes the process."));
    }

    /// <summary>
    /// Chunks held at once: the one whose applications are still being mapped and written, and the one being read.
    /// The reader is much faster than mapping; without this bound it would claim chunk after chunk into the queues
    /// while other instances (and the end of a backfill) wait for chunks this one cannot work on yet.
    /// </summary>
    public const int MaxOpenChunks = 2;

    private async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (_tracker.Open >= MaxOpenChunks) await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run's selection restricted to the chunk's range, with what is left of the limit.</summary>
    public SourceSelection Narrow(SourceSelection selection, ChunkLease lease, long remaining) => selection with
    {
        RetryFailed = _options.RetryFailed,
        RetryRunId = _options.RetryFailed ? _options.RunId : null,
        AppIdStart = Math.Max(selection.AppIdStart ?? long.MinValue, lease.Start),
        AppIdEnd = Math.Min(selection.AppIdEnd ?? long.MaxValue, lease.End - 1),
        Limit = remaining == long.MaxValue ? null : remaining,
    };
}

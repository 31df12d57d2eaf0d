using System.Runtime.CompilerServices;
using XmlShred.Contract;
using XmlShred.Pipeline;
using XmlShred.Storage;

namespace XmlShred.Fleet;

/// <summary>
/// The source side of a run when instances share a database: claim a chunk, read its remaining work (keyset pages,
/// the run's selection applied inside the chunk), hand it on tagged with the lease, then claim the next. When nothing
/// is claimable the run ends, unless another instance still holds a live chunk with work (it may die: wait and
/// retry, so its chunk is taken over once the lease expires) or the run follows the source for new rows.
/// </summary>
public sealed class ClaimingSource
{
    private readonly ITargetDatabase _database;
    private readonly CompiledContract _contract;
    private readonly ClaimStore _store;
    private readonly ChunkTracker _tracker;
    private readonly RunOptions _options;

    public ClaimingSource(ITargetDatabase database, CompiledContract contract, ClaimStore store, ChunkTracker tracker, RunOptions options)
    {
        _database = database;
        _contract = contract;
        _store = store;
        _tracker = tracker;
        _options = options;
    }

    public WorkFilter Filter => new(_options.Selection with { Limit = null }, _options.RetryFailed);

    /// <summary>Pages of claimed work until nothing is left (or, following, until <paramref name="stop"/>).</summary>
    public async IAsyncEnumerable<IReadOnlyList<SourceDocument>> PagesAsync(int pageSize, CancellationToken stop, [EnumeratorCancellation] CancellationToken abort)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, abort);
        var filter = Filter;
        var remaining = _options.Selection.Limit ?? long.MaxValue;
        await _store.SeedAsync(reconcile: true, abort).ConfigureAwait(false);
        var random = new Random();
        while (remaining > 0 && !stop.IsCancellationRequested)
        {
            var lease = await _store.ClaimAsync(filter, abort).ConfigureAwait(false);
            if (lease is null)
            {
                if (_options.Follow) await _store.SeedAsync(reconcile: false, abort).ConfigureAwait(false);
                else if (!await _store.OthersHoldWorkAsync(filter, abort).ConfigureAwait(false)) yield break;
                // Jitter keeps idle instances from polling in step.
                var poll = _options.Fleet.IdlePoll * (0.75 + random.NextDouble() / 2);
                await Task.Delay(poll, either.Token).ConfigureAwait(false);
                continue;
            }
            _tracker.Claimed(lease);
            var complete = false;
            try
            {
                var selection = Narrow(_options.Selection, lease, remaining);
                await foreach (var page in _database.ReadPendingPagesAsync(_contract, selection, pageSize, either.Token).ConfigureAwait(false))
                {
                    if (_tracker.IsLost(lease)) break;
                    var tagged = new SourceDocument[page.Count];
                    for (var i = 0; i < page.Count; i++) tagged[i] = page[i] with { Lease = lease };
                    _tracker.Read(lease, tagged.Length);
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
        }
    }

    /// <summary>The run's selection restricted to the chunk's range, with what is left of the limit.</summary>
    public static SourceSelection Narrow(SourceSelection selection, ChunkLease lease, long remaining) => selection with
    {
        AppIdStart = Math.Max(selection.AppIdStart ?? long.MinValue, lease.Start),
        AppIdEnd = Math.Min(selection.AppIdEnd ?? long.MaxValue, lease.End - 1),
        Limit = remaining == long.MaxValue ? null : remaining,
    };
}

using Microsoft.Extensions.Logging;
using XmlShred.Contract;
using XmlShred.Diagnostics;
using XmlShred.Pipeline;
using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;

namespace XmlShred.Fleet;

/// <summary>
/// Everything one run needs to share its database with other instances: the claim store, the heartbeat, the chunk
/// tracker, the claiming source and the fence the writer checks. Disposing it releases every chunk still held
/// (so a stopped or failed run's work is claimable at once, not after the lease) and removes the instance row.
/// </summary>
public sealed class FleetSession : IAsyncDisposable
{
    private readonly ClaimStore _store;
    private readonly LeaseKeeper _keeper;

    private FleetSession(ClaimStore store, LeaseKeeper keeper, ChunkTracker tracker, ClaimingSource source, ClaimContext claims, SemaphoreSlim gate)
    {
        _store = store;
        _keeper = keeper;
        Tracker = tracker;
        Source = source;
        Claims = claims;
        Gate = gate;
    }

    public ChunkTracker Tracker { get; }
    public ClaimingSource Source { get; }
    public ClaimContext Claims { get; }

    /// <summary>
    /// Held by the writer around each transaction and by the heartbeat around each renewal: the fence check renews
    /// too, and a heartbeat would otherwise wait on the chunk row (or SQLite's write lock) the writer's transaction holds.
    /// </summary>
    public SemaphoreSlim Gate { get; }

    public LeaseOwner Owner => _store.Owner;

    /// <param name="retry">Claims, seeding and page reads ride out transient faults like the writer does.</param>
    /// <param name="notify">Told when a lease is lost (another instance took the chunk over), besides the LeaseLost log event, and of chunks left at the attempt cap.</param>
    internal static FleetSession Start(ITargetDatabase database, CompiledContract contract, RunOptions options, PipelineMetrics metrics, TransientRetry retry,
        Action<string>? notify = null)
    {
        var owner = LeaseOwner.ForThisProcess(options.RunId);
        var store = database.OpenClaims(contract, options.Fleet, owner);
        var gate = new SemaphoreSlim(1, 1);
        var keeper = new LeaseKeeper(store, () => metrics.Succeeded + metrics.Failed + metrics.DoneElsewhere, gate);
        var tracker = new ChunkTracker(store, keeper, retry);
        keeper.LeaseLost += (lease, why) =>
        {
            options.Logger.LeaseLost(lease.ToString(), owner.Id, why);
            notify?.Invoke($"Lease lost on {lease}: {why}. Its applications are left to the new holder.");
        };
        var claims = new ClaimContext(store.Dialect, owner, options.Fleet.LeaseLength, options.RetryFailed) { Renewed = keeper.Renewed };
        var session = new FleetSession(store, keeper, tracker, new ClaimingSource(database, contract, store, tracker, options, retry, notify), claims, gate);
        keeper.Start();
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await Tracker.ReleaseAllAsync(CancellationToken.None).ConfigureAwait(false);
        await _keeper.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _store.RemoveInstanceAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The row only feeds `status`; it ages out as "silent".
        }
        await _store.DisposeAsync().ConfigureAwait(false);
        Gate.Dispose();
    }
}

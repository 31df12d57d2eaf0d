using XmlShred.Fleet;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Fleet;

/// <summary>
/// The claim table's statements on a real database, written once for every dialect: seeding, claiming with row
/// skipping, lease expiry measured by the database clock, heartbeats, finish and release, the attempt cap, status.
/// </summary>
public abstract class ClaimStoreTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PipelineDatabase> PreparedAsync(PipelineDatabase db, IEnumerable<long> ids)
    {
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await using (var store = Store(db, "setup"))
            await store.EnsureSchemaAsync(Ct);
        await LoadAsync(db, ids);
        return db;
    }

    private static Task<SourceLoadResult> LoadAsync(PipelineDatabase db, IEnumerable<long> ids) =>
        db.Target.LoadSourceAsync(TinyContract.Compiled, ids.Select(id => new SourceDocument(id, TinyContract.Document(id))).ToList(), replace: false, Ct);

    private static ClaimStore Store(PipelineDatabase db, string run, FleetOptions? options = null) =>
        ClaimStores.Open(db.Connection, TinyContract.Compiled, options ?? new FleetOptions { ChunkSize = 10 }, new LeaseOwner("test-host", 1, run));

    private static FleetOptions Short(int leaseMs, int maxAttempts = 5) =>
        new() { ChunkSize = 10, LeaseLength = TimeSpan.FromMilliseconds(leaseMs), HeartbeatInterval = TimeSpan.FromMilliseconds(leaseMs / 4.0), MaxAttempts = maxAttempts };

    private static async Task LogAsync(PipelineDatabase db, string status, params long[] ids)
    {
        await using var writer = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct);
        var factory = new ProcessingLogFactory(new RunOptions(), "hash");
        await writer.WriteFailuresAsync(ids.Select(id => factory.Failure(id, "validation", "x", 0) with { Status = status }).ToList(), Ct);
    }

    private static async Task<List<ChunkLease>> ClaimAllAsync(ClaimStore store, WorkFilter? filter = null)
    {
        var leases = new List<ChunkLease>();
        while (await store.ClaimAsync(filter ?? WorkFilter.Everything, Ct) is { } lease) leases.Add(lease);
        return leases;
    }

    [Fact]
    public async Task Seed_CutsSourceIdsIntoContiguousChunks_IsIdempotent_AndCoversLaterRowsAboveAndBelow()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(5, 25).Select(i => (long)i));
        await using var store = Store(db, "a");

        Assert.Equal(3, await store.SeedAsync(reconcile: false, Ct));
        Assert.Equal(0, await store.SeedAsync(reconcile: false, Ct));
        Assert.Equal([[5L, 5L, 15L], [15L, 15L, 25L], [25L, 25L, 30L]], await db.QueryAsync("SELECT chunk_id, chunk_start, chunk_end FROM xmlshred_chunk ORDER BY chunk_id"));

        await LoadAsync(db, [1, 2, 30, 31, 100]);
        Assert.Equal(2, await store.SeedAsync(reconcile: false, Ct));
        Assert.Equal([[1L, 5L], [5L, 15L], [15L, 25L], [25L, 30L], [30L, 101L]], await db.QueryAsync("SELECT chunk_start, chunk_end FROM xmlshred_chunk ORDER BY chunk_id"));
    }

    [Fact]
    public async Task ConcurrentClaimers_EachChunkGoesToExactlyOneOfThem()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 200).Select(i => (long)i));
        await using (var seeder = Store(db, "seed")) await seeder.SeedAsync(false, Ct);

        var stores = Enumerable.Range(0, 6).Select(i => Store(db, "claimer" + i)).ToList();
        var claimed = await Task.WhenAll(stores.Select(s => Task.Run(() => ClaimAllAsync(s), Ct)));
        foreach (var s in stores) await s.DisposeAsync();

        var all = claimed.SelectMany(c => c).Select(l => l.ChunkId).ToList();
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Distinct().Count());
        Assert.All(claimed.SelectMany(c => c), l => Assert.Equal(1, l.Fence));
        var owners = (await db.QueryAsync("SELECT chunk_id, owner FROM xmlshred_chunk")).ToDictionary(r => (long)r[0]!, r => (string)r[1]!);
        for (var i = 0; i < stores.Count; i++)
            Assert.All(claimed[i], l => Assert.Equal(stores[i].Owner.Id, owners[l.ChunkId]));
    }

    [Fact]
    public async Task ExpiredLease_IsTakenOverWithTheNextFence_AndTheOldHolderCanNoLongerRenewOrFinish()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 10).Select(i => (long)i));
        await using var a = Store(db, "a", Short(LeaseMs));
        await using var b = Store(db, "b", Short(LeaseMs));
        await a.SeedAsync(false, Ct);

        var held = await a.ClaimAsync(WorkFilter.Everything, Ct);
        Assert.NotNull(held);
        Assert.Null(await b.ClaimAsync(WorkFilter.Everything, Ct)); // live lease: nothing for b
        Assert.True(await b.OthersHoldWorkAsync(WorkFilter.Everything, Ct));

        // Nobody renews: once the database's clock passes the lease, b's claim succeeds.
        var taken = await EventuallyAsync(() => b.ClaimAsync(WorkFilter.Everything, Ct));

        Assert.Equal(held!.ChunkId, taken.ChunkId);
        Assert.Equal(held.Fence + 1, taken.Fence);
        Assert.False(await a.RenewAsync(held, Ct));
        Assert.False(await a.FinishAsync(held, Ct));
        Assert.False(await a.ReleaseAsync(held, Ct));
        Assert.True(await b.RenewAsync(taken, Ct));
        Assert.Equal([["claimed", 2L]], await db.QueryAsync("SELECT state, attempts FROM xmlshred_chunk"));
    }

    [Fact]
    public async Task Heartbeats_KeepALeaseAlivePastItsLength_AndWhenTheyStopItExpires()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 10).Select(i => (long)i));
        await using var a = Store(db, "a", Short(LeaseMs));
        await using var b = Store(db, "b", Short(LeaseMs));
        await a.SeedAsync(false, Ct);
        var lease = (await a.ClaimAsync(WorkFilter.Everything, Ct))!;
        var firstExpiry = (IComparable)(await db.QueryAsync("SELECT lease_expires_at FROM xmlshred_chunk WHERE state = 'claimed'"))[0][0]!;

        await using (var keeper = new LeaseKeeper(a, () => 0))
        {
            keeper.Track(lease);
            keeper.Start();
            // Wait until a heartbeat renewed the lease after the moment it would have expired without one.
            await EventuallyAsync<object>(async () => firstExpiry.CompareTo((await db.QueryAsync("SELECT heartbeat_at FROM xmlshred_chunk WHERE state = 'claimed'"))[0][0]) < 0 ? "renewed" : null);
            Assert.Null(await b.ClaimAsync(WorkFilter.Everything, Ct));
            Assert.True(keeper.IsHeld(lease));
        }

        // The heartbeats stopped: the lease runs out and b takes the chunk.
        Assert.Equal(lease.ChunkId, (await EventuallyAsync(() => b.ClaimAsync(WorkFilter.Everything, Ct))).ChunkId);
    }

    /// <summary>
    /// Long enough that a loaded 2-core machine never stalls a test thread past it between two statements that
    /// expect a live lease; the tests wait on the database's state, not on sleeps.
    /// </summary>
    private const int LeaseMs = 4000;

    /// <summary>Polls until <paramref name="probe"/> gives a value (the observable state the test waits for), or fails after a minute.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            if (await probe() is { } value) return value;
            Assert.True(DateTime.UtcNow < deadline, "the expected state was not reached within a minute");
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task LeaseKeeper_ReportsALeaseTakenOverAsLost_AndStopsRenewingIt()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 10).Select(i => (long)i));
        await using var a = Store(db, "a", Short(300));
        await using var b = Store(db, "b", Short(300));
        await a.SeedAsync(false, Ct);
        var lease = (await a.ClaimAsync(WorkFilter.Everything, Ct))!;
        await using var keeper = new LeaseKeeper(a, () => 0);
        var lost = new List<(ChunkLease, string)>();
        keeper.LeaseLost += (l, why) => lost.Add((l, why));
        keeper.Track(lease);

        await Task.Delay(500, Ct);
        var taken = (await b.ClaimAsync(WorkFilter.Everything, Ct))!;
        await keeper.RenewAllAsync(Ct);

        var (lostLease, reason) = Assert.Single(lost);
        Assert.Equal(lease, lostLease);
        Assert.Contains("taken over", reason);
        Assert.False(keeper.IsHeld(lease));
        Assert.Equal(0, keeper.HeldCount);
        Assert.Equal(2, taken.Fence);
    }

    [Fact]
    public async Task Finish_IsDoneWhenNothingIsLeft_PendingWhenOthersWorkRemains_ReleaseResetsAttempts()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 20).Select(i => (long)i));
        await using var store = Store(db, "a");
        await store.SeedAsync(false, Ct);
        var evens = new WorkFilter(new SourceSelection { PartitionIndex = 0, PartitionCount = 2 }, false);

        var first = (await store.ClaimAsync(evens, Ct))!;
        await LogAsync(db, "success", 2, 4, 6, 8, 10); // this instance's share of chunk [1, 11)
        Assert.True(await store.FinishAsync(first, Ct));
        Assert.Equal("pending", (await db.QueryAsync("SELECT state FROM xmlshred_chunk WHERE chunk_id = 1"))[0][0]);

        var next = (await store.ClaimAsync(evens, Ct))!;
        Assert.Equal(11, next.ChunkId); // chunk 1 holds no even work any more
        Assert.True(await store.ReleaseAsync(next, Ct));
        Assert.Equal([[1L, "pending", 0L], [11L, "pending", 0L]], await db.QueryAsync("SELECT chunk_id, state, attempts FROM xmlshred_chunk ORDER BY chunk_id"));

        var all = (await store.ClaimAsync(WorkFilter.Everything, Ct))!;
        await LogAsync(db, "failed", 1, 3, 5, 7, 9);
        Assert.True(await store.FinishAsync(all, Ct));
        Assert.Equal("done", (await db.QueryAsync("SELECT state FROM xmlshred_chunk WHERE chunk_id = 1"))[0][0]);
    }

    [Fact]
    public async Task RetryFailed_ClaimsDoneChunksHoldingFailedApplications_NormalRunsDoNot()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 20).Select(i => (long)i));
        await LogAsync(db, "success", Enumerable.Range(1, 20).Where(i => i != 13).Select(i => (long)i).ToArray());
        await LogAsync(db, "failed", 13);
        await using var store = Store(db, "a");
        await store.SeedAsync(reconcile: true, Ct);
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM xmlshred_chunk WHERE state = 'done'"));

        Assert.Null(await store.ClaimAsync(WorkFilter.Everything, Ct));
        var retry = await store.ClaimAsync(new WorkFilter(SourceSelection.All, RetryFailed: true), Ct);
        Assert.Equal(11, retry?.ChunkId);
    }

    [Fact]
    public async Task Reconcile_ReopensADoneChunkThatGotANewRow()
    {
        await using var db = await PreparedAsync(CreateDatabase(), [1, 2, 3, 5]);
        await using var store = Store(db, "a");
        await store.SeedAsync(false, Ct);
        await LogAsync(db, "success", 1, 2, 3, 5);
        await store.SeedAsync(reconcile: true, Ct);
        Assert.Null(await store.ClaimAsync(WorkFilter.Everything, Ct));

        await LoadAsync(db, [4]);
        await store.SeedAsync(reconcile: true, Ct);

        Assert.Equal(1, (await store.ClaimAsync(WorkFilter.Everything, Ct))?.ChunkId);
    }

    [Fact]
    public async Task Reconcile_ClosesAChunkWhoseHolderDiedAfterCommittingAllOfIt_OnlyOnceItsLeaseExpired()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 10).Select(i => (long)i));
        await using var dead = Store(db, "dead", Short(LeaseMs));
        await using var next = Store(db, "next", Short(LeaseMs));
        await dead.SeedAsync(false, Ct);
        Assert.NotNull(await dead.ClaimAsync(WorkFilter.Everything, Ct));
        await LogAsync(db, "success", Enumerable.Range(1, 10).Select(i => (long)i).ToArray()); // its last batch committed, then it died

        await next.SeedAsync(reconcile: true, Ct);
        var whileLive = (string)(await db.QueryAsync("SELECT state FROM xmlshred_chunk"))[0][0]!;
        var settled = await EventuallyAsync(async () =>
        {
            await next.SeedAsync(reconcile: true, Ct);
            var row = (await db.QueryAsync("SELECT state, owner FROM xmlshred_chunk"))[0];
            return (string)row[0]! == "done" ? row : null;
        });

        Assert.Equal("claimed", whileLive); // a live lease is its holder's to finish
        Assert.Null(settled[1]);
        Assert.Null(await next.ClaimAsync(WorkFilter.Everything, Ct));
    }

    [Fact]
    public async Task AChunkWhoseHoldersKeepDying_IsLeftAloneAfterTheAttemptCap()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 5).Select(i => (long)i));
        await using var store = Store(db, "a", Short(200, maxAttempts: 2));
        await store.SeedAsync(false, Ct);

        Assert.NotNull(await store.ClaimAsync(WorkFilter.Everything, Ct));
        await Task.Delay(400, Ct);
        var cappedBefore = await store.CappedWithWorkAsync(WorkFilter.Everything, Ct);
        Assert.NotNull(await store.ClaimAsync(WorkFilter.Everything, Ct));
        await Task.Delay(400, Ct);

        Assert.Null(await store.ClaimAsync(WorkFilter.Everything, Ct));
        Assert.Equal((0, 1), (cappedBefore, await store.CappedWithWorkAsync(WorkFilter.Everything, Ct)));
        var status = await store.StatusAsync(Ct);
        Assert.Equal(1, status.ChunksOverAttemptCap);
        Assert.Equal(1, status.Chunks["expired"]);
    }

    [Fact]
    public async Task AChunkClaimedAheadByHoldersThatDie_IsNotCountedTowardTheCap()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 5).Select(i => (long)i));
        await using var store = Store(db, "a", Short(200, maxAttempts: 2));
        await store.SeedAsync(false, Ct);

        for (var death = 0; death < 3; death++)
        {
            Assert.NotNull(await store.ClaimAsync(WorkFilter.Everything, Ct, countsAsAttempt: false));
            await Task.Delay(400, Ct);
        }

        Assert.NotNull(await store.ClaimAsync(WorkFilter.Everything, Ct));
        Assert.Equal([[1L, 4L]], await db.QueryAsync("SELECT attempts, fence FROM xmlshred_chunk"));
    }

    [Fact]
    public async Task Status_CountsApplicationsChunksAndLiveInstances()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Enumerable.Range(1, 30).Select(i => (long)i));
        await db.ExecuteAsync("INSERT INTO app_xml_staging (app_id, \"app_XML\") VALUES (31, NULL)");
        await LogAsync(db, "success", 1, 2, 3);
        await LogAsync(db, "failed", 4);
        await using var store = Store(db, "a");
        await store.SeedAsync(false, Ct);
        await store.ClaimAsync(WorkFilter.Everything, Ct); // [1, 11): 6 unlogged rows
        await store.BeatInstanceAsync(processed: 4, rate: 2.0, Ct);

        var status = await store.StatusAsync(Ct);

        Assert.Equal((20L, 6L, 3L, 1L, 1L), (status.Pending, status.Claimed, status.Succeeded, status.Failed, status.NullXml));
        Assert.Equal(1, status.Chunks["claimed"]);
        Assert.Equal(3, status.Chunks["pending"]); // [11,21), [21,31) and [31,32) holding the NULL row
        var instance = Assert.Single(status.Instances);
        Assert.Equal(("test-host", 1, 4L, 2.0, 1, true), (instance.Host, instance.ProcessId, instance.Processed, instance.Rate, instance.ChunksHeld, instance.Live));
        Assert.InRange(instance.HeartbeatAgeSeconds, -1, 30);
        Assert.Equal(13, status.Eta!.Value.TotalSeconds);

        await store.RemoveInstanceAsync(Ct);
        Assert.Empty((await store.StatusAsync(Ct)).Instances);
    }
}

public sealed class SqliteClaimStoreTests : ClaimStoreTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();
}

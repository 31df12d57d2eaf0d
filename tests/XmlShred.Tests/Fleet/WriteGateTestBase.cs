using XmlShred.Fleet;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Fleet;

/// <summary>
/// The write side of exactly-once, per dialect: the processing_log row goes in first, insert-if-absent, and rows are
/// written only for the applications that won it; the fence check stops a writer whose chunk was taken over;
/// <c>--retry-failed</c> replaces a failed row in place. Plus whole runs with <c>--retry-failed</c>.
/// </summary>
public abstract class WriteGateTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PipelineDatabase> PreparedAsync(PipelineDatabase db, int count)
    {
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await db.Target.LoadSourceAsync(TinyContract.Compiled,
            Enumerable.Range(1, count).Select(i => new SourceDocument(i, TinyContract.Document(i, "app" + i, i, (i * 10, "Ann" + i)))).ToList(), false, Ct);
        return db;
    }

    private static List<ApplicationWrite> Writes(IEnumerable<long> ids, ChunkLease? lease = null, string run = "r1")
    {
        var processor = new DocumentProcessor(TinyContract.Map, new ProcessingLogFactory(new RunOptions { RunId = run }, "hash"));
        return ids.Select(id => processor.Process(new SourceDocument(id, TinyContract.Document(id, "app" + id, (int)id, (id * 10, "Ann" + id))) { Lease = lease }).Write!).ToList();
    }

    [Fact]
    public async Task ASecondWriterOfTheSameApplications_WinsNothing_AndWritesNoRow()
    {
        await using var db = await PreparedAsync(CreateDatabase(), 0);
        await using (var first = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct))
            Assert.Equal(0, (await first.WriteBatchAsync(Writes([1, 2, 3]), Ct)).DoneElsewhere);

        BatchWriteTimings second;
        await using (var writer = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct))
            second = await writer.WriteBatchAsync(Writes([2, 3, 4], run: "r2"), Ct);

        Assert.Equal(2, second.DoneElsewhere);
        Assert.Equal([[1L, "r1"], [2L, "r1"], [3L, "r1"], [4L, "r2"]], await db.QueryAsync("SELECT app_id, run_id FROM processing_log ORDER BY app_id"));
        Assert.Equal(4, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(4, await db.ScalarAsync("SELECT COUNT(*) FROM scores"));
    }

    [Fact]
    public async Task AFailureOfAnApplicationLoggedElsewhere_IsNeverLogged()
    {
        await using var db = await PreparedAsync(CreateDatabase(), 0);
        await using var writer = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct);
        await writer.WriteBatchAsync(Writes([1]), Ct);
        var log = new ProcessingLogFactory(new RunOptions(), "hash");

        var written = await writer.WriteFailuresAsync([log.Failure(1, "constraint_violation", "duplicate", 0), log.Failure(2, "parsing", "bad", 0)], Ct);

        Assert.Equal([2L], written);
        Assert.Equal([[1L, "success"], [2L, "failed"]], await db.QueryAsync("SELECT app_id, status FROM processing_log ORDER BY app_id"));
    }

    [Fact]
    public async Task AWriterWhoseChunkWasTakenOver_CommitsNothing()
    {
        await using var db = await PreparedAsync(CreateDatabase(), 20);
        var options = new FleetOptions { ChunkSize = 10, LeaseLength = TimeSpan.FromMilliseconds(300), HeartbeatInterval = TimeSpan.FromMilliseconds(75) };
        await using var mine = db.Target.OpenClaims(TinyContract.Compiled, options, new LeaseOwner("h", 1, "mine"));
        await using var theirs = db.Target.OpenClaims(TinyContract.Compiled, options, new LeaseOwner("h", 2, "theirs"));
        await mine.SeedAsync(false, Ct);
        var lease = (await mine.ClaimAsync(WorkFilter.Everything, Ct))!;
        var other = (await mine.ClaimAsync(WorkFilter.Everything, Ct))!;
        await using var writer = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct);
        writer.Claims = new ClaimContext(mine.Dialect, mine.Owner, options.LeaseLength, RetryFailed: false);

        await writer.WriteBatchAsync(Writes([1, 2], lease), Ct); // fence holds
        await Task.Delay(600, Ct);
        await mine.RenewAsync(other, Ct);
        Assert.Equal(lease.ChunkId, (await theirs.ClaimAsync(WorkFilter.Everything, Ct))?.ChunkId);

        var error = await Assert.ThrowsAsync<LeaseLostException>(() => writer.WriteBatchAsync([.. Writes([3], lease), .. Writes([11], other)], Ct));
        Assert.Equal(lease, error.Lease);
        await Assert.ThrowsAsync<LeaseLostException>(() => writer.WriteFailuresAsync([new ProcessingLogFactory(new RunOptions(), "h").Failure(4, "parsing", "x", 0) with { Lease = lease }], Ct));
        Assert.Equal([1L, 2L], (await db.QueryAsync("SELECT app_id FROM processing_log ORDER BY app_id")).Select(r => (long)r[0]!));
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        await writer.WriteBatchAsync(Writes([11], other), Ct); // the chunk still held writes as before
        Assert.Equal(3, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
    }

    [Fact]
    public async Task ACommittedBatch_ResetsItsChunksAttemptCount_SoKilledButProgressingHoldersNeverReachTheCap()
    {
        await using var db = await PreparedAsync(CreateDatabase(), 20);
        var options = new FleetOptions { ChunkSize = 10 };
        await using var store = db.Target.OpenClaims(TinyContract.Compiled, options, new LeaseOwner("h", 1, "mine"));
        await store.SeedAsync(false, Ct);
        var lease = (await store.ClaimAsync(WorkFilter.Everything, Ct))!;
        Assert.Equal(1, await db.ScalarAsync($"SELECT attempts FROM xmlshred_chunk WHERE chunk_id = {lease.ChunkId}"));
        await using var writer = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct);
        writer.Claims = new ClaimContext(store.Dialect, store.Owner, options.LeaseLength, RetryFailed: false);

        await writer.WriteBatchAsync(Writes([1, 2], lease), Ct);

        Assert.Equal(0, await db.ScalarAsync($"SELECT attempts FROM xmlshred_chunk WHERE chunk_id = {lease.ChunkId}"));
        Assert.Equal("claimed", (await db.QueryAsync($"SELECT state FROM xmlshred_chunk WHERE chunk_id = {lease.ChunkId}"))[0][0]);
    }

    [Fact]
    public async Task RetryFailed_ASuccessReplacesTheFailedRow_ANewFailureUpdatesItsReason_OneRowPerApplication()
    {
        await using var db = await PreparedAsync(CreateDatabase(), 10);
        MappingResult RejectSome(string xml) => TinyContract.Map(xml.Replace("name=\"app3\"", "name=\"reject\"", StringComparison.Ordinal).Replace("name=\"app7\"", "name=\"reject\"", StringComparison.Ordinal));
        var first = await RunAsync(db, new RunOptions { Workers = 2, BatchSize = 4 }, RejectSome);
        Assert.Equal((8, 2), (first.Succeeded, first.Failed));
        var firstReason = (string)(await db.QueryAsync("SELECT failure_reason FROM processing_log WHERE app_id = 7"))[0][0]!;

        // The "contract fix" accepts app 3; app 7 now fails at another stage.
        MappingResult FixedButSeven(string xml) => xml.Contains("ID=\"7\"", StringComparison.Ordinal)
            ? MappingResult.Rejected(7, "validation", "still wrong after the fix", [])
            : TinyContract.Map(xml);
        var normal = await RunAsync(db, new RunOptions { Workers = 2 }, FixedButSeven);
        Assert.Equal(0, normal.Processed); // a plain run never touches failed applications
        var retry = await RunAsync(db, new RunOptions { Workers = 2, RetryFailed = true }, FixedButSeven);

        Assert.Equal((1, 1), (retry.Succeeded, retry.Failed));
        Assert.Equal(10, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
        Assert.Equal(10, await db.ScalarAsync("SELECT COUNT(DISTINCT app_id) FROM processing_log"));
        Assert.Equal([[3L, "success", null], [7L, "failed", "validation"]],
            await db.QueryAsync("SELECT app_id, status, stage FROM processing_log WHERE app_id IN (3, 7) ORDER BY app_id"));
        Assert.NotEqual(firstReason, (string)(await db.QueryAsync("SELECT failure_reason FROM processing_log WHERE app_id = 7"))[0][0]!);
        Assert.Equal(9, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM app_base WHERE app_id = 3"));
        var again = await RunAsync(db, new RunOptions { Workers = 2, RetryFailed = true }, TinyContract.Map);
        Assert.Equal((1L, 0L), (again.Succeeded, again.Failed)); // only 7 was left to retry
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log WHERE status = 'failed'"));
    }

    [Fact]
    public async Task Init_OnADatabaseWithDuplicateLogRows_KeepsTheSuccessRowOrTheNewest_ThenAllowsOneRowPerApplication()
    {
        await using var db = await PreparedAsync(CreateDatabase(), 0);
        // A database from before the rule: a plain index, and the duplicates two racing runs used to leave.
        await db.ExecuteAsync("DROP INDEX ux_processing_log_app_id");
        foreach (var (app, status, reason) in new[] { (1, "failed", "a"), (1, "success", "b"), (1, "failed", "c"), (2, "failed", "old"), (2, "failed", "new"), (3, "success", "only") })
            await db.ExecuteAsync($"INSERT INTO processing_log (app_id, status, failure_reason, processing_time) VALUES ({app}, '{status}', '{reason}', '2026-01-01 00:00:00')");

        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);

        Assert.Equal([[1L, "success", "b"], [2L, "failed", "new"], [3L, "success", "only"]],
            await db.QueryAsync("SELECT app_id, status, failure_reason FROM processing_log ORDER BY app_id"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.ExecuteAsync("INSERT INTO processing_log (app_id, status, processing_time) VALUES (3, 'failed', '2026-01-01 00:00:00')"));
    }

    private static async Task<RunSummary> RunAsync(PipelineDatabase db, RunOptions options, Func<string, MappingResult> map)
    {
        using var metrics = new PipelineMetrics();
        return await PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, map, options, metrics, CancellationToken.None, Ct);
    }
}

public sealed class SqliteWriteGateTests : WriteGateTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();
}

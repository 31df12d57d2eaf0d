using XmlShred.Fleet;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Fleet;

/// <summary>
/// The write side of exactly-once, per dialect: the processing_log row goes in first, insert-if-absent, and rows are
/// written only for the applications that won it; init turns an older database's duplicate rows into one per app.
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

using XmlShred.Cli;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Storage;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// Pipeline behaviour against a real database, written once for every dialect: a dialect's test class only
/// supplies <see cref="CreateDatabase"/> (SQLite here; the PostgreSQL suite subclasses it too).
/// </summary>
public abstract class PipelineTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static async Task<PipelineDatabase> PreparedAsync(PipelineDatabase db, IEnumerable<(long StagingId, string Xml)> documents)
    {
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await db.Target.LoadSourceAsync(TinyContract.Compiled, documents.Select(d => new SourceDocument(d.StagingId, d.Xml)).ToList(), replace: false, Ct);
        return db;
    }

    protected static IEnumerable<(long, string)> Simple(IEnumerable<long> ids) =>
        ids.Select(id => (id, TinyContract.Document(id, "app" + id, (int)id % 7, (id * 10, "Ann" + id), (id * 10 + 1, "Bob" + id))));

    private protected static async Task<RunSummary> RunAsync(PipelineDatabase db, RunOptions? options = null, Func<string, MappingResult>? map = null, ShutdownController? shutdown = null)
    {
        using var metrics = new PipelineMetrics();
        return await PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, map ?? TinyContract.Map, options ?? new RunOptions { Workers = 2, BatchSize = 16 }, metrics,
            shutdown?.StopToken ?? CancellationToken.None, shutdown?.AbortToken ?? Ct);
    }

    [Fact]
    public async Task Init_RunTwice_CreatesEveryTableOnceAndKeepsData()
    {
        await using var db = CreateDatabase();
        await PreparedAsync(db, Simple([1, 2]));

        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);

        var tables = await db.TableNamesAsync();
        foreach (var expected in new[] { "app_base", "app_contact_base", "app_contact_address", "scores", "processing_log", "app_xml_staging" })
            Assert.Contains(expected, tables);
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM app_xml_staging"));
    }

    [Theory]
    [InlineData(PipelineMode.Queued)]
    [InlineData(PipelineMode.Sequential)]
    public async Task Run_WritesEveryRowAndOneSuccessRowPerApplication_SecondRunProcessesNothing(PipelineMode mode)
    {
        await using var db = await PreparedAsync(CreateDatabase(), Simple(Enumerable.Range(1, 100).Select(i => (long)i)));

        var first = await RunAsync(db, new RunOptions { Mode = mode, Workers = 2, BatchSize = 7, PageSize = 9, QueueSize = 5 });
        var second = await RunAsync(db, new RunOptions { Mode = mode, Workers = 2, BatchSize = 7 });

        Assert.Equal((100, 0, RunOutcome.AllSucceeded), (first.Succeeded, first.Failed, first.Outcome));
        Assert.Equal(0, second.Processed);
        Assert.Equal(100, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(200, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base"));
        Assert.Equal(200, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_address"));
        Assert.Equal(100, await db.ScalarAsync("SELECT COUNT(*) FROM scores"));
        Assert.Equal(100, await db.ScalarAsync("SELECT COUNT(DISTINCT app_id) FROM processing_log WHERE status = 'success' AND stage IS NULL AND failure_reason IS NULL"));
        Assert.Equal(100, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
    }

    [Fact]
    public async Task SmallestQueueBounds_ApplyBackpressureWithoutDeadlock_AndLoseNothing()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Simple(Enumerable.Range(1, 120).Select(i => (long)i)));

        // One application is in flight at a time (a 1-byte budget admits a document only when nothing else is held).
        var summary = await RunAsync(db, new RunOptions { Workers = 3, BatchSize = 50, PageSize = 7, WorkQueueSize = 1, QueueSize = 1, MemoryBudget = 1 });

        Assert.Equal((120, 0), (summary.Succeeded, summary.Failed));
        Assert.Equal(120, await db.ScalarAsync("SELECT COUNT(DISTINCT app_id) FROM processing_log WHERE status = 'success'"));
        Assert.Equal(240, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base"));
    }

    [Fact]
    public async Task MemoryBudgetSmallerThanAnyDocument_ProcessesEverything_AndADocumentLargerThanTheBudgetRunsAlone()
    {
        var big = TinyContract.Document(61, "big", 1, (610, new string('x', 200_000)), (611, "Small"));
        await using var db = await PreparedAsync(CreateDatabase(), Simple(Enumerable.Range(1, 120).Where(i => i != 61).Select(i => (long)i)).Append((61L, big)));
        using var metrics = new PipelineMetrics();
        var budget = 4 * 1024; // each ordinary document costs about 3 KB: one (rarely two) in flight at a time

        var summary = await PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, TinyContract.Map,
            new RunOptions { Workers = 3, BatchSize = 50, PageSize = 40, MemoryBudget = budget }, metrics, CancellationToken.None, Ct);

        Assert.Equal((120, 0), (summary.Succeeded, summary.Failed));
        Assert.Equal(240, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base"));
        Assert.Equal(200_000, ((string)(await db.QueryAsync("SELECT first_name FROM app_contact_base WHERE con_id = 610"))[0][0]!).Length);
        // The big document was admitted only when nothing else was held, and nothing joined it while it was in flight.
        Assert.Equal(MemoryCost.Document(big.Length), metrics.MemoryBudgetPeak);
        Assert.Equal(0, metrics.MemoryBudgetUsed); // everything charged was handed back
    }

    [Fact]
    public async Task PoisonApplication_FailsAlone_RestOfItsBatchCommits()
    {
        await using var db = await PreparedAsync(CreateDatabase(), []);
        await db.InstallPoisonAsync("scores", 23);
        var processor = new DocumentProcessor(TinyContract.Map, new ProcessingLogFactory(new RunOptions(), "hash"));
        var batch = Simple(Enumerable.Range(1, 40).Select(i => (long)i)).Select(d => processor.Process(new SourceDocument(d.Item1, d.Item2)).Write!).ToList();

        // All 40 applications in one transaction: app 23's failure rolls the other 39 back until bisection isolates it.
        BatchOutcome outcome;
        await using (var writer = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct))
            outcome = await new BatchBisector(writer, db.Target.ClassifyFailure).WriteAsync(batch, Ct);

        Assert.Equal(39, outcome.Committed);
        Assert.True(outcome.Attempts > 1);
        var failed = Assert.Single(await db.QueryAsync("SELECT app_id, stage, failure_reason FROM processing_log WHERE status = 'failed'"));
        Assert.Equal(23L, failed[0]);
        Assert.Equal("constraint_violation", failed[1]);
        Assert.StartsWith("constraint_violation: ", (string)failed[2]!);
        Assert.Contains("poisoned application 23", (string)failed[2]!);
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM app_base WHERE app_id = 23"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base WHERE app_id = 23"));
        Assert.Equal(39, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(78, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base"));
        Assert.Equal(39, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log WHERE status = 'success'"));
    }

    [Theory]
    [InlineData(PipelineMode.Queued)]
    [InlineData(PipelineMode.Sequential)]
    public async Task PoisonApplication_InAFullRun_IsTheOnlyFailure(PipelineMode mode)
    {
        await using var db = await PreparedAsync(CreateDatabase(), Simple(Enumerable.Range(1, 60).Select(i => (long)i)));
        await db.InstallPoisonAsync("app_contact_base", 31);

        var summary = await RunAsync(db, new RunOptions { Mode = mode, Workers = 2, BatchSize = 25 });

        Assert.Equal((59, 1, RunOutcome.SomeApplicationsFailed), (summary.Succeeded, summary.Failed, summary.Outcome));
        Assert.Equal([[31L, "constraint_violation"]], await db.QueryAsync("SELECT app_id, stage FROM processing_log WHERE status = 'failed'"));
        Assert.Equal(59, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
    }

    [Fact]
    public async Task ExistingContact_IsKeptUnchanged_AndScoresOfALaterRunUpsert()
    {
        await using var db = await PreparedAsync(CreateDatabase(),
        [
            (1, TinyContract.Document(1, "first", 5, (100, "Original"))),
            (2, TinyContract.Document(2, "second", 6, (100, "Changed"), (200, "New"))),
        ]);
        // A stale score row for app 2 (left by a deleted application) that the run must overwrite rather than fail on.
        // Where the test connection enforces foreign keys the delete cascades and the row is simply inserted.
        await db.ExecuteAsync("INSERT INTO app_base (app_id, name) VALUES (2, 'old')");
        await db.ExecuteAsync("INSERT INTO scores (app_id, score_identifier, score) VALUES (2, 'S1', 1)");
        await db.ExecuteAsync("DELETE FROM app_base WHERE app_id = 2");

        var summary = await RunAsync(db, new RunOptions { Workers = 1, BatchSize = 10 });

        Assert.Equal((2, 0), (summary.Succeeded, summary.Failed));
        var contacts = await db.QueryAsync("SELECT con_id, app_id, first_name FROM app_contact_base ORDER BY con_id");
        Assert.Equal([[100L, 1L, "Original"], [200L, 2L, "New"]], contacts);
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_address"));
        Assert.Equal(6, await db.ScalarAsync("SELECT score FROM scores WHERE app_id = 2"));
    }

    [Fact]
    public async Task StagingIdThatDiffersFromRequestId_FailsValidationUnderTheStagingId_AndWritesNoRows()
    {
        await using var db = await PreparedAsync(CreateDatabase(), [(5, TinyContract.Document(5, "ok")), (6, TinyContract.Document(77, "moved"))]);

        var summary = await RunAsync(db);

        Assert.Equal((1, 1), (summary.Succeeded, summary.Failed));
        var failed = Assert.Single(await db.QueryAsync("SELECT app_id, stage, failure_reason FROM processing_log WHERE status = 'failed'"));
        Assert.Equal([6L, "validation", "validation: staging app_id 6 does not match Request/@ID 77"], failed);
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM app_base WHERE app_id IN (6, 77)"));
    }

    [Fact]
    public async Task RejectedAndUnparseableDocuments_GetFailedRowsWithStageAndReason()
    {
        await using var db = await PreparedAsync(CreateDatabase(), [(1, TinyContract.Document(1, "reject")), (2, "<Provenir><Request"), (3, TinyContract.Document(3))]);

        var summary = await RunAsync(db);

        Assert.Equal((1, 2, RunOutcome.SomeApplicationsFailed), (summary.Succeeded, summary.Failed, summary.Outcome));
        var rows = await db.QueryAsync("SELECT app_id, status, stage, substr(failure_reason, 1, 9) FROM processing_log ORDER BY app_id");
        Assert.Equal([[1L, "failed", "mapping", "mapping: "], [2L, "failed", "parsing", "parsing: "], [3L, "success", null, null]], rows);
    }

    [Fact]
    public async Task ReadPendingPages_PagesByKeyset_SkipsLoggedIds_AndAppliesSelection()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Simple(Enumerable.Range(1, 30).Select(i => (long)i)));
        await using (var writer = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct))
        {
            var log = new ProcessingLogFactory(new RunOptions(), "hash");
            await writer.WriteFailuresAsync([log.Failure(3, "validation", "x", 0), log.Failure(4, "validation", "x", 0)], Ct);
        }

        async Task<List<List<long>>> Pages(SourceSelection selection, int pageSize)
        {
            var pages = new List<List<long>>();
            await foreach (var page in db.Target.ReadPendingPagesAsync(TinyContract.Compiled, selection, pageSize, Ct)) pages.Add(page.Select(d => d.AppId).ToList());
            return pages;
        }

        var all = await Pages(SourceSelection.All, 8);
        Assert.Equal([8, 8, 8, 4], all.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i).Except([3L, 4L]), all.SelectMany(p => p));
        Assert.Equal([[1, 2, 5, 6], [7]], await Pages(new SourceSelection { Limit = 5 }, 4));
        Assert.Equal([[10, 11, 12], [13, 14, 15]], await Pages(new SourceSelection { AppIdStart = 10, AppIdEnd = 15 }, 3));
        Assert.Equal([[2, 5, 8, 11], [14, 17, 20, 23], [26, 29]], await Pages(new SourceSelection { PartitionIndex = 2, PartitionCount = 3 }, 4));
        Assert.Equal([[12, 15]], await Pages(new SourceSelection { PartitionIndex = 0, PartitionCount = 3, AppIdStart = 10, AppIdEnd = 16, Limit = 2 }, 10));
        Assert.Equal(28, await db.Target.CountPendingAsync(TinyContract.Compiled, SourceSelection.All, Ct));
        Assert.Equal(2, await db.Target.CountPendingAsync(TinyContract.Compiled, new SourceSelection { AppIdStart = 1, AppIdEnd = 4 }, Ct));
    }

    [Fact]
    public async Task GracefulStop_CommitsEverythingAlreadyRead_AndTheNextRunFinishesTheRest()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Simple(Enumerable.Range(1, 400).Select(i => (long)i)));
        using var shutdown = new ShutdownController();
        MappingResult StopAtTen(string xml)
        {
            var result = TinyContract.Map(xml);
            if (result.AppId == 10) shutdown.Interrupt(); // what the first Ctrl+C does
            return result;
        }

        var stopped = await RunAsync(db, new RunOptions { Workers = 2, BatchSize = 8, PageSize = 16, WorkQueueSize = 4 }, StopAtTen, shutdown);

        Assert.True(stopped.Interrupted);
        Assert.Equal(RunOutcome.Interrupted, stopped.Outcome);
        Assert.InRange(stopped.Succeeded, 10, 399);
        Assert.Equal(stopped.Read, stopped.Succeeded);
        Assert.Equal(stopped.Succeeded, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(2 * stopped.Succeeded, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM app_base b WHERE NOT EXISTS (SELECT 1 FROM processing_log l WHERE l.app_id = b.app_id AND l.status = 'success')"));

        var rest = await RunAsync(db);
        Assert.Equal(400 - stopped.Succeeded, rest.Succeeded);
        Assert.Equal(400, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
    }

    [Fact]
    public async Task Abort_RollsBackTheOpenBatch_AndLeavesNoPartialApplication()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Simple(Enumerable.Range(1, 200).Select(i => (long)i)));
        using var shutdown = new ShutdownController();
        MappingResult AbortAtFifty(string xml)
        {
            var result = TinyContract.Map(xml);
            if (result.AppId == 50)
            {
                shutdown.Interrupt();
                shutdown.Interrupt();
            }
            return result;
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(db, new RunOptions { Workers = 2, BatchSize = 8 }, AbortAtFifty, shutdown));

        var apps = await db.ScalarAsync("SELECT COUNT(*) FROM app_base");
        Assert.Equal(apps, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log WHERE status = 'success'"));
        Assert.Equal(2 * apps, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base"));
        var rest = await RunAsync(db);
        Assert.Equal(200, apps + rest.Succeeded);
    }

    [Fact]
    public async Task Metrics_ReachTheMeterAndTheReport()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Simple(Enumerable.Range(1, 50).Select(i => (long)i)));
        var published = new HashSet<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name != PipelineMetrics.MeterName) return;
            lock (published) published.Add(instrument.Name);
        };
        listener.Start();
        using var metrics = new PipelineMetrics();
        var options = new RunOptions { Workers = 2, BatchSize = 10 };

        var summary = await PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, TinyContract.Map, options, metrics, CancellationToken.None, Ct);
        var report = RunReport.Create(summary, metrics, options);

        Assert.Contains("xmlshred.batch.duration", published);
        Assert.Contains("xmlshred.queue.insert.depth", published);
        Assert.Contains("xmlshred.applications.succeeded", published);
        Assert.Equal(50, report.Succeeded);
        Assert.Equal(metrics.Batches, report.InsertLatencyMs.Count);
        Assert.True(report.InsertLatencyMs.P50 <= report.InsertLatencyMs.P95 && report.InsertLatencyMs.P95 <= report.InsertLatencyMs.P99);
        Assert.Equal(2, report.WorkerUsage.Count);
        Assert.Equal(["commit", "insert", "parse_map", "queue_wait", "read", "writer_wait"], report.StageSeconds.Keys.Order());
        Assert.NotEmpty(report.Samples);
        Assert.Equal(50, report.Samples[^1].Processed);
        Assert.All(report.Samples, s => Assert.True(s.WorkingSetBytes > 0 && s.GcHeapBytes > 0));
        Assert.Equal(metrics.Batches, report.BatchSamples.Count);
        var path = Path.Combine(Path.GetTempPath(), $"xmlshred-report-{Guid.NewGuid():N}.json");
        report.WriteTo(path);
        Assert.Equal(50, RunReport.ReadFrom(path).Succeeded);
        File.Delete(path);
    }
}

using XmlShred.Pipeline;
using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Faults;

/// <summary>
/// Whole-pipeline runs on a real database in which a transient fault strikes at a chosen point: before a batch is
/// written, after it committed (the answer lost on the way back), or in the middle of reading the source. Every run
/// must end with the same database as an undisturbed one: nothing lost, nothing written twice. Each dialect
/// supplies its database and the exception its provider throws for a lost connection.
/// </summary>
public abstract class TransientFaultTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    /// <summary>What the provider throws when the connection breaks (must classify as transient).</summary>
    protected abstract Exception LostConnection();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly RetryTimeBudget s_quickRetry = new() { Budget = TimeSpan.FromSeconds(20), FirstDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) };

    private static IEnumerable<SourceDocument> Documents(int count) => Enumerable.Range(1, count)
        .Select(i => new SourceDocument(i, TinyContract.Document(i, "app" + i, i % 7, (i * 10, "Ann" + i), (i * 10 + 1, "Bob" + i))));

    private async Task<PipelineDatabase> PreparedAsync(int count)
    {
        var db = CreateDatabase();
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await db.Target.LoadSourceAsync(TinyContract.Compiled, Documents(count).ToList(), replace: false, Ct);
        return db;
    }

    private static async Task<RunSummary> RunAsync(ITargetDatabase target, RunOptions options, List<RetryEvent>? events = null)
    {
        using var metrics = new PipelineMetrics();
        return await PipelineRunner.RunAsync(target, TinyContract.Compiled, TinyContract.Map, options, metrics, CancellationToken.None, Ct,
            e =>
            {
                if (events is not null) lock (events) events.Add(e);
            });
    }

    private static async Task AssertCompleteOnceAsync(PipelineDatabase db, int count)
    {
        Assert.Equal(count, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
        Assert.Equal(count, await db.ScalarAsync("SELECT COUNT(DISTINCT app_id) FROM processing_log WHERE status = 'success'"));
        Assert.Equal(count, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(2 * count, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base"));
        Assert.Equal(2 * count, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_address"));
        Assert.Equal(count, await db.ScalarAsync("SELECT COUNT(*) FROM scores"));
    }

    [Theory]
    [InlineData(PipelineMode.Queued)]
    [InlineData(PipelineMode.Sequential)]
    public async Task FaultBeforeWrite_BatchIsSentAgain_AndTheRunEndsComplete(PipelineMode mode)
    {
        await using var db = await PreparedAsync(60);
        var faulty = new FaultInjectingDatabase(db.Target, LostConnection) { FailBeforeWrite = [1, 2, 5] };
        var events = new List<RetryEvent>();

        var summary = await RunAsync(faulty, new RunOptions { Mode = mode, Workers = 2, BatchSize = 16, Retry = s_quickRetry }, events);

        Assert.Equal((60, 0, RunOutcome.AllSucceeded), (summary.Succeeded, summary.Failed, summary.Outcome));
        Assert.Equal(3, faulty.InjectedFaults);
        Assert.Equal(3, summary.Retries);
        Assert.Null(summary.StoppedBy);
        Assert.Contains(events, e => e.Kind == RetryEventKind.Recovered && e.Failures == 2);
        await AssertCompleteOnceAsync(db, 60);
    }

    [Fact]
    public async Task FaultAfterCommit_RetrySkipsTheCommittedApplications_NothingIsWrittenTwice()
    {
        await using var db = await PreparedAsync(50);
        // The first and third batch commit, then their connection "breaks" before the answer arrives.
        var faulty = new FaultInjectingDatabase(db.Target, LostConnection) { FailAfterCommit = [1, 3] };

        var summary = await RunAsync(faulty, new RunOptions { Workers = 2, BatchSize = 10, Retry = s_quickRetry });

        Assert.Equal((50, 0, RunOutcome.AllSucceeded), (summary.Succeeded, summary.Failed, summary.Outcome));
        Assert.Equal(2, summary.Retries);
        // The lookup left the committed applications out of the resend, so they count as this run's successes; the
        // exactly-once gate alone would also have written nothing twice, but counted them "done elsewhere".
        Assert.Equal(0, summary.DoneElsewhere);
        await AssertCompleteOnceAsync(db, 50);
    }

    [Fact]
    public async Task DataErrorInARetriedBatch_IsStillIsolatedByBisection()
    {
        await using var db = await PreparedAsync(40);
        await db.InstallPoisonAsync("scores", 7);
        // The batch holding app 7 first hits a lost connection; its resend then meets app 7's constraint error.
        var faulty = new FaultInjectingDatabase(db.Target, LostConnection) { FailOnceBeforeWriting = 7 };

        var summary = await RunAsync(faulty, new RunOptions { Workers = 2, BatchSize = 40, QueueSize = 40, Retry = s_quickRetry });

        Assert.Equal((39, 1, RunOutcome.SomeApplicationsFailed), (summary.Succeeded, summary.Failed, summary.Outcome));
        Assert.Equal(1, summary.Retries);
        Assert.Equal([[7L, "constraint_violation"]], await db.QueryAsync("SELECT app_id, stage FROM processing_log WHERE status = 'failed'"));
        Assert.Equal(39, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(40, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
    }

    [Theory]
    [InlineData(PipelineMode.Queued)]
    [InlineData(PipelineMode.Sequential)]
    public async Task SourceReadBreaks_ReaderReopensAfterItsLastKey_NothingMissedOrReadTwice(PipelineMode mode)
    {
        await using var db = await PreparedAsync(70);
        var faulty = new FaultInjectingDatabase(db.Target, LostConnection) { FailAfterPage = [1, 3] };

        var summary = await RunAsync(faulty, new RunOptions { Mode = mode, Workers = 2, BatchSize = 9, PageSize = 9, Retry = s_quickRetry });

        Assert.Equal(2, faulty.InjectedFaults);
        Assert.Equal((70, 70, 0), (summary.Read, summary.Succeeded, summary.Failed));
        await AssertCompleteOnceAsync(db, 70);
    }

    [Fact]
    public async Task SourceReadBreaks_WithARangeAndALimit_TheRestOfTheSelectionIsRead()
    {
        await using var db = await PreparedAsync(70);
        var faulty = new FaultInjectingDatabase(db.Target, LostConnection) { FailAfterPage = [2] };
        var selection = new SourceSelection { AppIdStart = 11, AppIdEnd = 60, Limit = 33 };

        var summary = await RunAsync(faulty, new RunOptions { Workers = 2, BatchSize = 5, PageSize = 5, Selection = selection, Retry = s_quickRetry });

        Assert.Equal(33, summary.Succeeded);
        var logged = (await db.QueryAsync("SELECT app_id FROM processing_log ORDER BY app_id")).Select(r => (long)r[0]!).ToList();
        Assert.Equal(Enumerable.Range(11, 33).Select(i => (long)i), logged);
        // The run's own range is what the log records, not the re-opened read's.
        Assert.Equal(33, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log WHERE app_id_start = 11 AND app_id_end = 60"));
    }

    [Fact]
    public async Task OutageLongerThanTheRetryTime_StopsWithExitCode1_AndASummaryOfWhatWasCommitted()
    {
        await using var db = await PreparedAsync(60);
        // Batch 1 commits; from the second batch on every attempt fails.
        var faulty = new FaultInjectingDatabase(db.Target, LostConnection) { FailBeforeWrite = [.. Enumerable.Range(2, 10_000)] };
        var events = new List<RetryEvent>();
        var budget = s_quickRetry with { Budget = TimeSpan.FromSeconds(1) };

        var summary = await RunAsync(faulty, new RunOptions { Workers = 2, BatchSize = 20, QueueSize = 20, Retry = budget }, events);

        Assert.Equal(RunOutcome.StoppedByOutage, summary.Outcome);
        Assert.NotNull(summary.StoppedBy);
        Assert.Contains("stayed unavailable", summary.StoppedBy);
        Assert.True(summary.Retries >= 2, $"{summary.Retries} retries in a 1 s budget with 10-100 ms backoff");
        Assert.Contains(events, e => e.Kind == RetryEventKind.GaveUp);
        // The summary counts exactly what is committed; all of it is whole.
        Assert.Equal(summary.Succeeded, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
        Assert.Equal(summary.Succeeded, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(2 * summary.Succeeded, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base"));
        Assert.InRange(summary.Succeeded, 1, 59);

        // The database is back: a rerun finishes the rest.
        var rerun = await RunAsync(db.Target, new RunOptions { Workers = 2, BatchSize = 20 });
        Assert.Equal(60 - summary.Succeeded, rerun.Succeeded);
        await AssertCompleteOnceAsync(db, 60);
    }

    [Fact]
    public async Task RetryDisabled_FirstTransientFaultStopsTheRun()
    {
        await using var db = await PreparedAsync(20);
        var faulty = new FaultInjectingDatabase(db.Target, LostConnection) { FailBeforeWrite = [1] };

        var summary = await RunAsync(faulty, new RunOptions { Workers = 1, BatchSize = 50, Retry = RetryTimeBudget.Disabled });

        Assert.Equal((0, RunOutcome.StoppedByOutage), (summary.Succeeded, summary.Outcome));
        Assert.Equal(0, summary.Retries);
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
    }
}

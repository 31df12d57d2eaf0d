using System.Diagnostics;
using Npgsql;
using XmlShred.Cli.Commands;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Fixtures;
using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Storage.Postgres;

/// <summary>
/// A PostgreSQL cluster of its own for the tests that restart or stop the server, so the shared cluster's other
/// tests never see the outage; and the expected database (the corpus through an undisturbed run), built once.
/// </summary>
public sealed class PostgresRestartFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private PostgresPipelineDatabase? _expected;
    private readonly Lazy<List<SourceDocument>> _documents = new(MappedFixtureDocuments);

    /// <summary>
    /// Replicated fixture documents, only those the contract maps (the fixture set's rejected documents are left
    /// out), so an undisturbed run exits 0 and a disturbed one must too.
    /// </summary>
    private static List<SourceDocument> MappedFixtureDocuments() => ReplicatedCorpus.FromFixtures(2500).Applications
        .Where(a => (string?)a.Expected["outcome"] == "mapped")
        .Select(a => new SourceDocument(a.StagingId, a.Xml))
        .ToList();

    public IReadOnlyList<SourceDocument> Documents => _documents.Value;

    internal async Task LoadAsync(PipelineDatabase db)
    {
        await db.Target.EnsureSchemaAsync(FixtureSet.Contract, CancellationToken.None);
        foreach (var chunk in Documents.Chunk(500)) await db.Target.LoadSourceAsync(FixtureSet.Contract, chunk, replace: false, CancellationToken.None);
    }

    public PostgresCluster Cluster { get; } = new();

    internal async Task<PostgresPipelineDatabase> ExpectedAsync()
    {
        await _lock.WaitAsync();
        try
        {
            if (_expected is { } done) return done;
            var db = new PostgresPipelineDatabase(Cluster, FixtureSet.Contract.TargetSchema);
            await LoadAsync(db);
            using var metrics = new PipelineMetrics();
            var contract = ContractLoader.LoadFile(PostgresRestartTests.ContractPath);
            var summary = await PipelineRunner.RunAsync(db.Target, contract, new DocumentMapper(contract).Map, new RunOptions { Workers = 2 }, metrics,
                CancellationToken.None, CancellationToken.None);
            Assert.Equal((Documents.Count, 0L, RunOutcome.AllSucceeded), (summary.Succeeded, summary.Failed, summary.Outcome));
            _expected = db;
            return db;
        }
        finally
        {
            _lock.Release();
        }
    }

    public ValueTask InitializeAsync() => Cluster.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_expected is { } done) await done.DisposeAsync();
        await Cluster.DisposeAsync();
        _lock.Dispose();
    }
}

/// <summary>
/// The CLI against a PostgreSQL server that restarts (pg_ctl restart -m fast: every session gets 57P01) or goes away
/// for longer than the retry time, on a cluster of its own. A restart is ridden out: the run ends with exit 0 and the
/// same tables as an undisturbed run. A longer outage ends with exit 1 and the summary of what was committed, and a
/// rerun finishes the job.
/// </summary>
public sealed class PostgresRestartTests(PostgresRestartFixture fixture) : IClassFixture<PostgresRestartFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    internal static string ContractPath => ExampleFiles.ContractPath;
    private PostgresCluster Cluster => fixture.Cluster;

    /// <summary>Committed applications before the fault strikes: mid-run, with most of the corpus still to go.</summary>
    private const int FaultAfter = 200;

    private static string[] RunArguments(PipelineDatabase db, params string[] extra) =>
        ["run", "--db", db.Connection, "--contract", ContractPath, "--no-progress", "--workers", "1", "--batch-size", "100", .. extra];

    private async Task<(int Applications, PostgresPipelineDatabase Expected, PostgresPipelineDatabase Db)> PrepareAsync()
    {
        var expected = await fixture.ExpectedAsync();
        Assert.SkipUnless(Cluster.CanRestart, "XMLSHRED_TEST_PG points at an outside server, which these tests must not restart or stop.");
        var db = new PostgresPipelineDatabase(Cluster, FixtureSet.Contract.TargetSchema);
        await fixture.LoadAsync(db);
        return (fixture.Documents.Count, expected, db);
    }

    /// <summary>Waits until <paramref name="count"/> applications are logged (or the CLI has exited).</summary>
    private static async Task WaitForProgressAsync(PipelineDatabase db, CliProcess cli, long count)
    {
        while (!cli.Process.HasExited && await db.ScalarAsync("SELECT COUNT(*) FROM processing_log") < count) await Task.Delay(10, Ct);
    }

    private static async Task AssertSameTablesAsync(PipelineDatabase expected, PipelineDatabase actual)
    {
        NpgsqlConnection.ClearAllPools(); // the test's own pooled connections died with the server
        var contract = ContractLoader.LoadFile(ContractPath);
        Assert.Equal(await TableDump.DatabaseAsync(expected, contract), await TableDump.DatabaseAsync(actual, contract));
    }

    [Fact]
    public async Task RestartMidRun_IsRiddenOut_ExitCode0_AndTheTablesEqualAnUndisturbedRun()
    {
        var (applications, expected, prepared) = await PrepareAsync();
        await using var db = prepared;
        var report = Path.Combine(Path.GetTempPath(), $"xmlshred-restart-{Guid.NewGuid():N}.json");

        TimeSpan restartTook;
        using (var cli = CliProcess.Start(RunArguments(db, "--report", report)))
        {
            await WaitForProgressAsync(db, cli, FaultAfter);
            Assert.False(cli.Process.HasExited, "the run finished before the restart; the corpus is too small for this machine\n" + cli.Output);
            var clock = Stopwatch.StartNew();
            await Cluster.RestartAsync();
            restartTook = clock.Elapsed;
            var exitCode = await cli.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(exitCode == ExitCodes.Success, $"exit code {exitCode}; output:\n{cli.Output}");
            // The fault reads 57P01 (admin shutdown) or a broken stream, depending on what the session was doing.
            Assert.True(cli.Output.Contains("database fault while", StringComparison.Ordinal) && cli.Output.Contains("database back", StringComparison.Ordinal),
                "no retry reported; output:\n" + cli.Output);
        }

        var run = RunReport.ReadFrom(report);
        File.Delete(report);
        Assert.True(run.Retries >= 1, "at least one retry");
        Assert.Equal(applications, run.Succeeded);
        Assert.Null(run.StoppedBy);
        TestContext.Current.SendDiagnosticMessage(
            $"restart took {restartTook.TotalSeconds:0.0} s; run: {run.Retries} retries, {run.OutageSeconds:0.0} s waiting, {run.AppsPerSecond:0} apps/s over {run.ElapsedSeconds:0.0} s");
        await AssertSameTablesAsync(expected, db);
        Assert.Equal(applications, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
    }

    [Fact]
    public async Task OutageLongerThanTheRetryTime_ExitCode1_WithTheSummaryOnStdout_ThenARerunFinishes()
    {
        var (applications, expected, prepared) = await PrepareAsync();
        await using var db = prepared;
        var report = Path.Combine(Path.GetTempPath(), $"xmlshred-outage-{Guid.NewGuid():N}.json");

        RunReport stopped;
        try
        {
            using var cli = CliProcess.Start(RunArguments(db, "--retry-seconds", "3", "--report", report));
            await WaitForProgressAsync(db, cli, FaultAfter);
            Assert.False(cli.Process.HasExited, "the run finished before the outage; the corpus is too small for this machine\n" + cli.Output);
            await Cluster.StopAsync();
            var exitCode = await cli.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(exitCode == ExitCodes.UnexpectedError, $"exit code {exitCode}; output:\n{cli.Output}");
            Assert.Contains("Run ", cli.StandardOutput);
            Assert.Contains("stopped: the database stayed unavailable", cli.StandardOutput);
            Assert.Contains("error: the database stayed unavailable", cli.Output);
            Assert.DoesNotContain("   at ", cli.Output); // one line, no stack trace
            stopped = RunReport.ReadFrom(report);
        }
        finally
        {
            await Cluster.StartAgainAsync();
            NpgsqlConnection.ClearAllPools();
            File.Delete(report);
        }

        // The summary counts exactly the committed applications, each of them complete.
        Assert.NotNull(stopped.StoppedBy);
        Assert.InRange(stopped.Succeeded, FaultAfter, applications - 1);
        Assert.Equal(stopped.Succeeded, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
        Assert.Equal(stopped.Succeeded, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));

        using (var rerun = CliProcess.Start(RunArguments(db)))
            Assert.Equal(ExitCodes.Success, await rerun.WaitAsync(TimeSpan.FromMinutes(2)));
        await AssertSameTablesAsync(expected, db);
    }
}

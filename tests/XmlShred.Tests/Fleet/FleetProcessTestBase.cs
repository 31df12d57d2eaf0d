using XmlShred.Cli.Commands;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Fleet;

/// <summary>
/// Several real <c>xmlshred run</c> processes at once on one database, with no sharding flags: together they must
/// leave exactly the database of one clean run, every application logged once, with no false failures; and the same
/// when one of them is SIGKILLed mid-run. The fixture corpus holds a few broken documents, so "no false failure" is
/// checked by comparing processing_log (status, stage, reason) with the single run's. A killed run's chunks are taken
/// over once their lease expires. A short lease (5 s: still long enough for a loaded 2-core machine, where a lost
/// lease would only cost time, never correctness) and small chunks keep the suite quick; the claiming code is the
/// same at any size.
/// </summary>
public abstract class FleetProcessTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ContractPath => ExampleFiles.ContractPath;

    private const int Applications = 600;

    private static string[] RunArguments(PipelineDatabase db) =>
        ["run", "--db", db.Connection, "--contract", ContractPath, "--no-progress", "--workers", "1", "--batch-size", "50",
         "--chunk-size", "30", "--lease", "5", "--heartbeat", "1", "--poll", "0.3"];

    /// <summary>The expected database is the same for every test of a dialect: built once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Lazy<Task<(ReplicatedCorpus, string)>>> s_expected = new();

    private Task<(ReplicatedCorpus Corpus, string Expected)> ExpectedAsync() =>
        s_expected.GetOrAdd(GetType(), _ => new Lazy<Task<(ReplicatedCorpus, string)>>(BuildExpectedAsync)).Value;

    private async Task<(ReplicatedCorpus Corpus, string Expected)> BuildExpectedAsync()
    {
        var corpus = ReplicatedCorpus.FromFixtures(Applications);
        await using var db = CreateDatabase();
        await corpus.LoadAsync(db.Target, Ct);
        var contract = ContractLoader.LoadFile(ContractPath);
        using var metrics = new PipelineMetrics();
        var summary = await PipelineRunner.RunAsync(db.Target, contract, new DocumentMapper(contract).Map, new RunOptions { Workers = 2 }, metrics, CancellationToken.None, Ct);
        Assert.Equal(corpus.Applications.Count, summary.Processed);
        return (corpus, await TableDump.DatabaseAsync(db, contract));
    }

    /// <param name="killed">A run was SIGKILLed: a chunk whose last batch it committed before dying may still show as
    /// claimed by it (nothing is left to do in it, so the survivors finish without waiting out its lease; the next run
    /// settles it). No chunk may be left pending.</param>
    private static async Task AssertExactlyOnceAsync(PipelineDatabase db, int applications, bool killed = false)
    {
        Assert.Equal(applications, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
        Assert.Equal(applications, await db.ScalarAsync("SELECT COUNT(DISTINCT app_id) FROM processing_log"));
        Assert.Equal(0, await db.ScalarAsync(killed ? "SELECT COUNT(*) FROM xmlshred_chunk WHERE state NOT IN ('done', 'claimed')" : "SELECT COUNT(*) FROM xmlshred_chunk WHERE state <> 'done'"));
    }

    /// <summary>Each run ends on its own within three minutes, with success or "some applications failed" (the fixture corpus has broken documents).</summary>
    private static async Task AssertAllFinishAsync(IEnumerable<CliProcess> runs)
    {
        foreach (var run in runs)
        {
            var exit = await run.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(exit is ExitCodes.Success or ExitCodes.SomeApplicationsFailed, $"exit {exit}:\n{run.Output}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task SeveralRunsAtOnce_WithoutFlags_LeaveTheDatabaseOfOneRun(int instances)
    {
        var (corpus, expected) = await ExpectedAsync();
        await using var db = CreateDatabase();
        await corpus.LoadAsync(db.Target, Ct);

        var runs = Enumerable.Range(0, instances).Select(_ => CliProcess.Start(RunArguments(db))).ToList();
        try
        {
            await AssertAllFinishAsync(runs);
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }

        await AssertExactlyOnceAsync(db, corpus.Applications.Count);
        Assert.Equal(expected, await TableDump.DatabaseAsync(db, ContractLoader.LoadFile(ContractPath)));
        // More than one instance did real work (the chunks were shared, not taken by the first one alone).
        var owners = runs.Count(r => !r.Output.Contains(": 0 applications in", StringComparison.Ordinal));
        Assert.True(owners >= 2, string.Join("\n---\n", runs.Select(r => r.Output)));
    }

    [Fact]
    public async Task OneRunKilledMidway_ItsChunksAreTakenOverByTheSurvivors()
    {
        var (corpus, expected) = await ExpectedAsync();
        await using var db = CreateDatabase();
        await corpus.LoadAsync(db.Target, Ct);

        var runs = Enumerable.Range(0, 3).Select(_ => CliProcess.Start(RunArguments(db))).ToList();
        try
        {
            // Kill the first instance once it holds a chunk and the fleet has committed some work.
            var victim = runs[0];
            var owner = $"/{victim.Process.Id}/";
            while (!victim.Process.HasExited
                   && (await db.ScalarAsync("SELECT COUNT(*) FROM processing_log") < corpus.Applications.Count / 5
                       || await db.ScalarAsync($"SELECT COUNT(*) FROM xmlshred_chunk WHERE state = 'claimed' AND owner LIKE '%{owner}%'") == 0))
                await Task.Delay(10, Ct);
            Assert.False(victim.Process.HasExited, $"the victim ended before it could be killed:\n{victim.Output}");
            victim.Process.Kill(entireProcessTree: true); // SIGKILL: no drain, no release, its lease just stops being renewed
            await victim.Process.WaitForExitAsync(Ct);

            await AssertAllFinishAsync(runs.Skip(1));
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }

        await AssertExactlyOnceAsync(db, corpus.Applications.Count, killed: true);
        Assert.Equal(expected, await TableDump.DatabaseAsync(db, ContractLoader.LoadFile(ContractPath)));
        Assert.True(await db.ScalarAsync("SELECT MAX(fence) FROM xmlshred_chunk") >= 2, "the killed run's chunk was claimed again");
    }

    [Fact]
    public async Task TheOnlyRunKilled_TheNextRunTakesItsChunkOverAfterTheLease()
    {
        var (corpus, expected) = await ExpectedAsync();
        await using var db = CreateDatabase();
        await corpus.LoadAsync(db.Target, Ct);

        using (var victim = CliProcess.Start(RunArguments(db)))
        {
            while (!victim.Process.HasExited && await db.ScalarAsync("SELECT COUNT(*) FROM processing_log") == 0) await Task.Delay(5, Ct);
            Assert.False(victim.Process.HasExited, $"the run ended before it could be killed (exit {(victim.Process.HasExited ? victim.Process.ExitCode : 0)}):\n{victim.Output}");
            victim.Process.Kill(entireProcessTree: true);
            await victim.Process.WaitForExitAsync(Ct);
        }
        Assert.True(await db.ScalarAsync("SELECT COUNT(*) FROM xmlshred_chunk WHERE state = 'claimed'") >= 1, "the killed run left a claimed chunk behind");
        using (var next = CliProcess.Start(RunArguments(db)))
        {
            var exit = await next.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(exit is ExitCodes.Success or ExitCodes.SomeApplicationsFailed, $"exit {exit}:\n{next.Output}");
        }

        await AssertExactlyOnceAsync(db, corpus.Applications.Count);
        Assert.Equal(expected, await TableDump.DatabaseAsync(db, ContractLoader.LoadFile(ContractPath)));
    }
}

public sealed class SqliteFleetProcessTests : FleetProcessTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();
}

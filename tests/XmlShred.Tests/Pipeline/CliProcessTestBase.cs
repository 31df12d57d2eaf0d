using System.Text.Json.Nodes;
using XmlShred.Cli.Commands;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// The CLI run as a child process on the replicated fixture documents (examples/contract.json): killed at random
/// points and resumed, or interrupted with SIGINT. The corpus has no contact shared between applications, so an
/// uninterrupted run is deterministic and can serve as the expected database.
/// </summary>
public abstract class CliProcessTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    /// <summary>SIGKILLs the randomized loop aims for (fewer when the run finishes first).</summary>
    protected virtual int Kills => 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ContractPath => ExampleFiles.ContractPath;

    // One worker: the fixture documents are small, and the run must outlast the test's reaction time on a busy machine.
    // A short lease: after a kill, the resumed run takes the dead run's chunk over within seconds, not a minute.
    private static string[] RunArguments(PipelineDatabase db) =>
        ["run", "--db", db.Connection, "--contract", ContractPath, "--no-progress", "--workers", "1", "--batch-size", "100", "--lease", "2", "--heartbeat", "0.5", "--poll", "0.3"];

    /// <summary>The expected database: the same corpus through an uninterrupted run (in-process, to save a child start).</summary>
    private async Task<PipelineDatabase> ReferenceDatabaseAsync(ReplicatedCorpus corpus)
    {
        var db = CreateDatabase();
        await corpus.LoadAsync(db.Target, Ct);
        using var metrics = new PipelineMetrics();
        var mapper = new DocumentMapper(ContractLoader.LoadFile(ContractPath));
        var summary = await PipelineRunner.RunAsync(db.Target, ContractLoader.LoadFile(ContractPath), mapper.Map, new RunOptions { Workers = 2 }, metrics, CancellationToken.None, Ct);
        Assert.Equal(corpus.Applications.Count, summary.Processed);
        return db;
    }

    [Fact]
    public async Task KilledAtRandomPointsAndResumed_EndsWithTheDatabaseOfAnUninterruptedRun()
    {
        var corpus = ReplicatedCorpus.FromFixtures(2000);
        await using var expected = await ReferenceDatabaseAsync(corpus);
        await using var db = CreateDatabase();
        await corpus.LoadAsync(db.Target, Ct);
        var random = new Random(20261128);
        var kills = 0;

        // Kill points are random amounts of committed progress (not wall time, which varies with the machine), plus a
        // random moment after it, so kills land during start-up, mid-batch, mid-commit and between batches.
        long target = 0;
        for (var attempt = 0; attempt < Kills; attempt++)
        {
            target += random.Next(0, corpus.Applications.Count / (Kills + 2));
            using var cli = CliProcess.Start(RunArguments(db));
            while (!cli.Process.HasExited && await db.ScalarAsync("SELECT COUNT(*) FROM processing_log") < target) await Task.Delay(5, Ct);
            await Task.Delay(random.Next(0, 300), Ct);
            if (cli.Process.HasExited) break; // finished before the kill point: nothing left to interrupt
            cli.Process.Kill(entireProcessTree: true); // not graceful: as a crash or power cut
            await cli.Process.WaitForExitAsync(Ct);
            kills++;
        }
        using (var resume = CliProcess.Start(RunArguments(db)))
        {
            // The fixture set holds broken documents, so a resume that meets one of them ends with "some failed".
            var exitCode = await resume.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(exitCode is ExitCodes.Success or ExitCodes.SomeApplicationsFailed, $"exit code {exitCode}; output:\n{resume.Output}");
        }

        Assert.True(kills >= Math.Min(3, Kills), $"only {kills} of {Kills} kills landed before the run finished; the corpus is too small for this machine");
        TestContext.Current.SendDiagnosticMessage($"{kills} SIGKILLs survived");
        // First the applications (a short message naming the lost or extra ones), then every row.
        const string Logged = "SELECT app_id, status FROM processing_log ORDER BY app_id";
        var expectedLog = (await expected.QueryAsync(Logged)).Select(r => $"{r[0]} {r[1]}").ToList();
        var actualLog = (await db.QueryAsync(Logged)).Select(r => $"{r[0]} {r[1]}").ToList();
        Assert.True(expectedLog.SequenceEqual(actualLog), $"processing_log differs: missing [{string.Join(", ", expectedLog.Except(actualLog).Take(20))}], "
            + $"unexpected [{string.Join(", ", actualLog.Except(expectedLog).Take(20))}]; {actualLog.Count} rows, {expectedLog.Count} expected");
        var contract = ContractLoader.LoadFile(ContractPath);
        Assert.Equal(await TableDump.DatabaseAsync(expected, contract), await TableDump.DatabaseAsync(db, contract));
    }

    [Fact]
    public async Task CtrlC_ExitsWith130_AfterCommittingWholeApplicationsOnly()
    {
        var corpus = ReplicatedCorpus.FromFixtures(2000);
        await using var expected = await ReferenceDatabaseAsync(corpus);
        // The signal must land mid-run. When this process is starved (the whole suite in parallel) the child can finish
        // before the interrupt is sent; that attempt proves nothing either way, so it is repeated on a fresh database.
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = CreateDatabase();
            await corpus.LoadAsync(db.Target, Ct);
            int exitCode;
            using (var cli = CliProcess.Start(RunArguments(db)))
            {
                // Interrupt once the first batch is committed, so the signal lands mid-run.
                while (await db.ScalarAsync("SELECT COUNT(*) FROM processing_log") == 0 && !cli.Process.HasExited) await Task.Delay(20, Ct);
                var finishedFirst = cli.Process.HasExited;
                if (!finishedFirst) cli.Interrupt();
                exitCode = await cli.WaitAsync(TimeSpan.FromMinutes(1));
                var interrupted = cli.Output.Contains("Interrupted", StringComparison.Ordinal);
                if (!interrupted && (finishedFirst || exitCode is ExitCodes.Success or ExitCodes.SomeApplicationsFailed) && attempt < Attempts) continue;
                Assert.True(exitCode == ExitCodes.Interrupted, interrupted
                    ? $"exit code {exitCode}; output:\n{cli.Output}"
                    : $"exit code {exitCode}: the run finished before the interrupt reached it in {attempt} attempts (a machine too busy for this corpus); output:\n{cli.Output}");
            }
            await AssertWholeApplicationsOnlyAsync(db, expected, corpus);
            return;
        }
    }

    private static async Task AssertWholeApplicationsOnlyAsync(PipelineDatabase db, PipelineDatabase expected, ReplicatedCorpus corpus)
    {
        var done = (await db.QueryAsync("SELECT app_id FROM processing_log WHERE status = 'success'")).Select(r => (long)r[0]!).ToHashSet();
        var stored = (await db.QueryAsync("SELECT app_id FROM app_base")).Select(r => (long)r[0]!).ToHashSet();
        Assert.True(done.SetEquals(stored), "every app in app_base has a success row and vice versa");
        Assert.InRange(done.Count, 1, corpus.Applications.Count - 1);
        var contract = ContractLoader.LoadFile(ContractPath);
        var doneContacts = new HashSet<string>();
        foreach (var table in contract.Tables)
        {
            var want = (await TableDump.RowsAsync(expected, table)).Where(r => Belongs(r, done, doneContacts)).Select(r => r.ToJsonString()).ToList();
            var got = (await TableDump.RowsAsync(db, table)).Select(r => r.ToJsonString()).ToList();
            Assert.Equal(want, got);
            if (table.Kind == TableKind.Contact)
                doneContacts.UnionWith(want.Select(r => JsonNode.Parse(r)![BuilderColumns.ConId]!.ToJsonString()));
        }
    }

    /// <summary>A row of a finished application: by app_id, or for contact children by their contact's con_id.</summary>
    private static bool Belongs(JsonObject row, HashSet<long> apps, HashSet<string> contacts) =>
        row[BuilderColumns.AppId] is JsonValue id ? apps.Contains(id.GetValue<long>()) : contacts.Contains(row[BuilderColumns.ConId]!.ToJsonString());
}

public sealed class SqliteCliProcessTests : CliProcessTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();
}

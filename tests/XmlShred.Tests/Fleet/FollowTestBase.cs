using XmlShred.Cli.Commands;
using XmlShred.Fleet;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Fleet;

/// <summary>
/// <c>run --follow</c>: the run does not end when the source is done; rows added later (a staging table fed
/// continuously) are cut into new chunks and processed, until a stop request drains and ends it.
/// </summary>
public abstract class FollowTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SourceLoadResult> LoadAsync(PipelineDatabase db, int from, int to) =>
        db.Target.LoadSourceAsync(TinyContract.Compiled,
            Enumerable.Range(from, to - from + 1).Select(i => new SourceDocument(i, TinyContract.Document(i, "app" + i, i, (i * 10, "Ann" + i)))).ToList(), false, Ct);

    private static async Task WaitForLoggedAsync(PipelineDatabase db, long count, Task run)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await db.ScalarAsync("SELECT COUNT(*) FROM processing_log") < count)
        {
            Assert.False(run.IsCompleted, "the following run ended on its own");
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} applications were logged within two minutes");
            await Task.Delay(50, Ct);
        }
    }

    [Fact]
    public async Task Follow_ProcessesRowsAddedWhileItRuns_AndAStopDrainsAndEndsIt()
    {
        await using var db = CreateDatabase();
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await LoadAsync(db, 1, 12);
        using var stop = new CancellationTokenSource();
        using var metrics = new PipelineMetrics();
        var options = new RunOptions { Workers = 2, BatchSize = 5, Follow = true, Fleet = new FleetOptions { ChunkSize = 5, IdlePoll = TimeSpan.FromMilliseconds(100) } };

        var run = Task.Run(() => PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, TinyContract.Map, options, metrics, stop.Token, Ct), Ct);
        await WaitForLoggedAsync(db, 12, run);
        await LoadAsync(db, 13, 30); // new rows beyond every chunk, while the run idles
        await WaitForLoggedAsync(db, 30, run);
        await stop.CancelAsync();
        var summary = await run.WaitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal((30L, 0L, true), (summary.Succeeded, summary.Failed, summary.Interrupted));
        Assert.Equal(RunOutcome.Interrupted, summary.Outcome);
        Assert.Equal(30, await db.ScalarAsync("SELECT COUNT(DISTINCT app_id) FROM processing_log"));
        Assert.Equal(30, await db.ScalarAsync("SELECT COUNT(*) FROM app_base"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM xmlshred_chunk WHERE state = 'claimed'")); // nothing left held
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM xmlshred_instance"));
    }
}

public sealed class SqliteFollowTests : FollowTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();

    /// <summary>SIGTERM (a pod deleted, <c>docker stop</c>) ends a following CLI run like Ctrl+C: drained, exit 130.</summary>
    [Fact]
    public async Task Sigterm_EndsAFollowingCliRun_AfterItsWorkIsCommitted()
    {
        await using var db = new SqlitePipelineDatabase();
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await db.Target.LoadSourceAsync(TinyContract.Compiled, Enumerable.Range(1, 8).Select(i => new SourceDocument(i, TinyContract.Document(i))).ToList(), false, Ct);
        var contract = Path.Combine(Path.GetDirectoryName(db.Path)!, "tiny-contract.json");
        await File.WriteAllTextAsync(contract, TinyContract.Json, Ct);

        using var cli = CliProcess.Start("run", "--db", db.Connection, "--contract", contract, "--no-progress", "--follow", "--poll", "0.2");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await db.ScalarAsync("SELECT COUNT(*) FROM processing_log") < 8)
        {
            Assert.False(cli.Process.HasExited, $"the following run ended on its own:\n{cli.Output}");
            Assert.True(DateTime.UtcNow < deadline, cli.Output);
            await Task.Delay(50, Ct);
        }
        cli.Terminate();
        var exit = await cli.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(ExitCodes.Interrupted, exit);
        Assert.Contains("succeeded 8", cli.Output);
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM xmlshred_chunk WHERE state = 'claimed'"));
    }
}

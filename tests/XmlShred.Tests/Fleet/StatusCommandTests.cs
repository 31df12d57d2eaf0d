using System.Text.Json;
using XmlShred.Cli.Commands;
using XmlShred.Fleet;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Fleet;

/// <summary><c>xmlshred status</c> as a child process against a SQLite file prepared by <c>init</c>.</summary>
public class StatusCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> PreparedAsync(SqlitePipelineDatabase db)
    {
        var contract = Path.Combine(Path.GetDirectoryName(db.Path)!, "tiny.json");
        await File.WriteAllTextAsync(contract, TinyContract.Json, Ct);
        Assert.Equal(0, await XmlShred.Cli.Program.Main(["init", "--db", db.Path, "--contract", contract]));
        await db.Target.LoadSourceAsync(TinyContract.Compiled, Enumerable.Range(1, 12).Select(i => new SourceDocument(i, TinyContract.Document(i))).ToList(), false, Ct);
        await db.ExecuteAsync("INSERT INTO app_xml_staging (app_id, app_XML) VALUES (13, NULL)");
        await using var writer = await db.Target.OpenWriterAsync(TinyContract.Compiled, Ct);
        var factory = new ProcessingLogFactory(new RunOptions(), "h");
        await writer.WriteFailuresAsync([factory.Failure(1, "parsing", "bad", 0), factory.Failure(2, "parsing", "bad", 0) with { Status = "success", Stage = null, FailureReason = null }], Ct);
        return contract;
    }

    [Fact]
    public async Task Json_ReportsTotalsChunksAndInstances()
    {
        await using var db = new SqlitePipelineDatabase();
        var contract = await PreparedAsync(db);
        await using (var store = ClaimStores.Open(db.Path, TinyContract.Compiled, new FleetOptions { ChunkSize = 5 }, new LeaseOwner("pod-7", 42, "r1")))
        {
            await store.SeedAsync(false, Ct);
            await store.ClaimAsync(WorkFilter.Everything, Ct);
            await store.BeatInstanceAsync(2, 1.5, Ct);
        }

        using var cli = CliProcess.Start("status", "--db", db.Path, "--contract", contract, "--format", "json");
        Assert.Equal(ExitCodes.Success, await cli.WaitAsync(TimeSpan.FromMinutes(1)));

        using var json = JsonDocument.Parse(cli.Output);
        var apps = json.RootElement.GetProperty("applications");
        Assert.Equal((7, 3, 1, 1, 1), (apps.GetProperty("pending").GetInt64(), apps.GetProperty("claimed").GetInt64(), apps.GetProperty("succeeded").GetInt64(),
            apps.GetProperty("failed").GetInt64(), apps.GetProperty("null_xml").GetInt64()));
        Assert.Equal(1, json.RootElement.GetProperty("chunks").GetProperty("claimed").GetInt64());
        var instance = Assert.Single(json.RootElement.GetProperty("instances").EnumerateArray().ToList());
        Assert.Equal(("pod-7", 42, true, 1), (instance.GetProperty("host").GetString(), instance.GetProperty("pid").GetInt32(), instance.GetProperty("live").GetBoolean(),
            instance.GetProperty("chunks_held").GetInt32()));
        Assert.Equal(7, json.RootElement.GetProperty("eta_seconds").GetDouble()); // 10 left at 1.5 apps/s, rounded
    }

    [Fact]
    public async Task Table_IsReadable()
    {
        await using var db = new SqlitePipelineDatabase();
        var contract = await PreparedAsync(db);

        using var cli = CliProcess.Start("status", "--db", db.Path, "--contract", contract);
        Assert.Equal(ExitCodes.Success, await cli.WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains("Applications  pending 10   claimed 0   succeeded 1   failed 1", cli.Output);
        Assert.Contains("Source rows with NULL XML (never processed): 1", cli.Output);
        Assert.Contains("Instances     0 live", cli.Output);
        Assert.Contains("ETA unknown", cli.Output);
    }

    [Fact]
    public async Task BeforeInit_SaysToRunInit()
    {
        await using var db = new SqlitePipelineDatabase();
        var contract = Path.Combine(Path.GetDirectoryName(db.Path)!, "tiny.json");
        await File.WriteAllTextAsync(contract, TinyContract.Json, Ct);

        using var cli = CliProcess.Start("status", "--db", db.Path, "--contract", contract);
        Assert.Equal(ExitCodes.UsageError, await cli.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("xmlshred init", cli.Output);
    }
}

using System.Text.Json.Nodes;
using XmlShred.Cli.Commands;
using XmlShred.Pipeline;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Cli;

/// <summary><c>xmlshred failures</c> against a real database, written once for every dialect.</summary>
public abstract class FailuresCommandTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PipelineDatabase> PreparedAsync(PipelineDatabase db, IEnumerable<(long Id, string Xml)> documents)
    {
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await db.Target.LoadSourceAsync(TinyContract.Compiled, documents.Select(d => new XmlShred.Storage.SourceDocument(d.Id, d.Xml)).ToList(), replace: false, Ct);
        return db;
    }

    private static IEnumerable<(long, string)> Simple(IEnumerable<long> ids) =>
        ids.Select(id => (id, TinyContract.Document(id, "app" + id, (int)id % 7, (id * 10, "Ann" + id))));

    private static async Task<RunSummary> RunAsync(PipelineDatabase db)
    {
        using var metrics = new PipelineMetrics();
        return await PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, TinyContract.Map, new RunOptions { Workers = 2, BatchSize = 16 }, metrics, CancellationToken.None, Ct);
    }

    private static string ContractFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("xmlshred-failures-").FullName, "tiny.json");
        File.WriteAllText(path, TinyContract.Json);
        return path;
    }

    /// <summary>Apps 1..6: app 3 is rejected by the mapper (stage mapping), app 5 fails in the database (constraint_violation).</summary>
    private async Task<PipelineDatabase> WithTwoFailuresAsync()
    {
        var db = CreateDatabase();
        var documents = Simple([1, 2, 4, 6]).Append((3L, TinyContract.Document(3, "reject"))).Append((5L, TinyContract.Document(5, "app5", 1, (50, "Eve"))));
        await PreparedAsync(db, documents);
        await db.InstallPoisonAsync("app_contact_base", 5);
        var summary = await RunAsync(db);
        Assert.Equal((4, 2), (summary.Succeeded, summary.Failed));
        return db;
    }

    [Fact]
    public async Task Table_ListsEachFailedApplicationWithStageReasonAndTime()
    {
        await using var db = await WithTwoFailuresAsync();

        var (exit, output, error) = CliRunner.Run("failures", "--db", db.Connection, "-c", ContractFile());

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("│ 3 ", output);
        Assert.Contains("│ mapping ", output);
        Assert.Contains("│ 5 ", output);
        Assert.Contains("constraint_violation", output);
        Assert.Contains("No data mapped", output);
        Assert.Contains(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), output);
        Assert.Contains("2 failed applications", output);
    }

    [Fact]
    public async Task Json_GivesAppIdStageReasonTimeAndRun_InAppIdOrder()
    {
        await using var db = await WithTwoFailuresAsync();

        var (exit, output, _) = CliRunner.Run("failures", "--db", db.Connection, "-c", ContractFile(), "--format", "json");

        Assert.Equal(ExitCodes.Success, exit);
        var rows = JsonNode.Parse(output)!.AsArray();
        Assert.Equal([3L, 5L], rows.Select(r => (long)r!["app_id"]!));
        Assert.Equal("mapping", (string?)rows[0]!["stage"]);
        Assert.Equal("constraint_violation", (string?)rows[1]!["stage"]);
        Assert.False(string.IsNullOrEmpty((string?)rows[1]!["reason"]));
        Assert.False(string.IsNullOrEmpty((string?)rows[0]!["run_id"]));
        Assert.True(DateTime.TryParse((string?)rows[0]!["processing_time"], System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task Csv_HasAHeaderAndQuotesReasonsWithCommas()
    {
        await using var db = await WithTwoFailuresAsync();
        await db.ExecuteAsync("UPDATE processing_log SET failure_reason = 'mapping: bad, \"very\" bad' WHERE app_id = 3");

        var (exit, output, _) = CliRunner.Run("failures", "--db", db.Connection, "-c", ContractFile(), "-f", "csv");

        Assert.Equal(ExitCodes.Success, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("app_id,stage,reason,processing_time,run_id", lines[0]);
        Assert.StartsWith("3,mapping,\"mapping: bad, \"\"very\"\" bad\",", lines[1]);
        Assert.StartsWith("5,constraint_violation,", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task AnApplicationThatLaterSucceeded_IsNotListed_AndOnlyTheLatestFailureShows()
    {
        await using var db = await WithTwoFailuresAsync();
        // As `run --retry-failed` leaves it (one row per application, replaced in place): app 3 failed again with a new
        // reason, app 5 succeeded.
        await db.ExecuteAsync("UPDATE processing_log SET stage = 'parsing', failure_reason = 'parsing: second try', processing_time = '2030-01-01 00:00:00' WHERE app_id = 3");
        await db.ExecuteAsync("UPDATE processing_log SET status = 'success', stage = NULL, failure_reason = NULL, processing_time = '2030-01-01 00:00:00' WHERE app_id = 5");

        var (exit, output, _) = CliRunner.Run("failures", "--db", db.Connection, "-c", ContractFile(), "--format", "json");

        Assert.Equal(ExitCodes.Success, exit);
        var row = Assert.Single(JsonNode.Parse(output)!.AsArray());
        Assert.Equal(3L, (long)row!["app_id"]!);
        Assert.Equal("parsing: second try", (string?)row["reason"]);
    }

    [Fact]
    public async Task NoFailures_SaysSo()
    {
        await using var db = await PreparedAsync(CreateDatabase(), Simple([1, 2]));
        await RunAsync(db);

        var (exit, output, _) = CliRunner.Run("failures", "--db", db.Connection, "-c", ContractFile());

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("No failed applications", output);
    }
}

public sealed class SqliteFailuresCommandTests : FailuresCommandTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();

    [Fact]
    public void MissingDatabaseFile_IsAUsageError_AndIsNotCreated()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("xmlshred-failures-").FullName, "none.db");

        var (exit, _, error) = CliRunner.Run("failures", "--db", path);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("xmlshred init", error);
        Assert.False(File.Exists(path));
    }
}

public sealed class PostgresFailuresCommandTests(XmlShred.Tests.Storage.Postgres.PostgresCluster cluster) : FailuresCommandTestBase
{
    protected override PipelineDatabase CreateDatabase() => new XmlShred.Tests.Storage.Postgres.PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

public sealed class SqlServerFailuresCommandTests : FailuresCommandTestBase
{
    protected override PipelineDatabase CreateDatabase() => new XmlShred.Tests.Storage.SqlServer.SqlServerPipelineDatabase(TinyContract.Compiled.TargetSchema);
}

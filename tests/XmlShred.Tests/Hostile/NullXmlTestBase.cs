using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Storage.Postgres;

namespace XmlShred.Tests.Hostile;

/// <summary>Source rows with NULL XML stay skipped (no processing_log row), but the run summary and the report count them.</summary>
public abstract class NullXmlTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NullXmlRows_AreSkipped_AndCountedInTheSummaryAndReport()
    {
        await using var db = CreateDatabase();
        var contract = TinyContract.Compiled;
        await db.Target.EnsureSchemaAsync(contract, Ct);
        await db.Target.LoadSourceAsync(contract, [new SourceDocument(1, TinyContract.Document(1, "one")), new SourceDocument(5, TinyContract.Document(5, "five"))], replace: false, Ct);
        await db.ExecuteAsync($"INSERT INTO {contract.SourceTable} (app_id, \"{contract.SourceColumn}\") VALUES (2, NULL), (3, NULL), (9, NULL)");

        using var metrics = new PipelineMetrics();
        var options = new RunOptions { Workers = 1, Selection = new SourceSelection { AppIdEnd = 5 } };
        var summary = await PipelineRunner.RunAsync(db.Target, contract, TinyContract.Map, options, metrics, CancellationToken.None, Ct);

        Assert.Equal((2L, 0L, 2L), (summary.Succeeded, summary.Failed, summary.SkippedNullXml));
        Assert.Equal(2L, RunReport.Create(summary, metrics, options).SkippedNullXml);
        Assert.Equal([1L, 5L], (await db.QueryAsync("SELECT app_id FROM processing_log ORDER BY app_id")).Select(r => (long)r[0]!));
        Assert.Equal(3L, await db.Target.CountNullXmlAsync(contract, SourceSelection.All, Ct));
    }
}

public sealed class SqliteNullXmlTests : NullXmlTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();
}

public sealed class PostgresNullXmlTests(PostgresCluster cluster) : NullXmlTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

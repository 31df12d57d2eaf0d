namespace XmlShred.Tests.Pipeline;

public sealed class SqliteBinarySourceColumnTests : BinarySourceColumnTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();

    protected override Task RecreateSourceAsBinaryAsync(PipelineDatabase db) =>
        db.ExecuteAsync("DROP TABLE app_xml_staging; CREATE TABLE app_xml_staging (app_id INTEGER PRIMARY KEY, \"app_XML\" BLOB)");

    protected override string InsertBytesSql(long appId, byte[] bytes) => $"INSERT INTO app_xml_staging VALUES ({appId}, X'{Convert.ToHexString(bytes)}')";

    [Fact]
    public async Task ABlobColumnMayStillHoldTextRows_TheyAreReadAsText()
    {
        // SQLite stores what it is given: `load` writes text even into a BLOB column.
        await using var db = new SqlitePipelineDatabase();
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, TestContext.Current.CancellationToken);
        await RecreateSourceAsBinaryAsync(db);
        await db.Target.LoadSourceAsync(TinyContract.Compiled, [new XmlShred.Storage.SourceDocument(1, TinyContract.Document(1, "Renée"))], replace: false, TestContext.Current.CancellationToken);
        await db.ExecuteAsync(InsertBytesSql(2, System.Text.Encoding.UTF8.GetBytes(TinyContract.Document(2, "Renée"))));
        using var metrics = new XmlShred.Pipeline.PipelineMetrics();

        var summary = await XmlShred.Pipeline.PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, TinyContract.Map, new XmlShred.Pipeline.RunOptions { Workers = 1 }, metrics,
            CancellationToken.None, TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.Succeeded);
        Assert.Equal([["text"], ["blob"]], await db.QueryAsync("SELECT typeof(\"app_XML\") FROM app_xml_staging ORDER BY app_id"));
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM app_base WHERE name = 'Renée'"));
    }
}

using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.Postgres;

public sealed class PostgresBinarySourceColumnTests(PostgresCluster cluster) : BinarySourceColumnTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);

    protected override Task RecreateSourceAsBinaryAsync(PipelineDatabase db) =>
        db.ExecuteAsync("DROP TABLE app_xml_staging; CREATE TABLE app_xml_staging (app_id bigint PRIMARY KEY, \"app_XML\" bytea)");

    protected override string InsertBytesSql(long appId, byte[] bytes) => $"INSERT INTO app_xml_staging VALUES ({appId}, decode('{Convert.ToHexString(bytes)}', 'hex'))";
}

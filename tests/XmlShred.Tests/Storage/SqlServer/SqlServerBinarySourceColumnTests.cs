using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>A varbinary(max) source column on SQL Server when XMLSHRED_SQLSERVER is set (each test skips otherwise).</summary>
public sealed class SqlServerBinarySourceColumnTests : BinarySourceColumnTestBase
{
    private static string Table => $"[{TinyContract.Compiled.TargetSchema}].[app_xml_staging]";

    protected override PipelineDatabase CreateDatabase() => new SqlServerPipelineDatabase(TinyContract.Compiled.TargetSchema);

    protected override Task RecreateSourceAsBinaryAsync(PipelineDatabase db) =>
        db.ExecuteAsync($"DROP TABLE {Table}; CREATE TABLE {Table} (app_id bigint PRIMARY KEY, [app_XML] varbinary(max))");

    protected override string InsertBytesSql(long appId, byte[] bytes) => $"INSERT INTO {Table} VALUES ({appId}, 0x{Convert.ToHexString(bytes)})";
}

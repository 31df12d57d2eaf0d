using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.SqlServer;

/// <summary>The pipeline suite on SQL Server: XMLSHRED_SQLSERVER, else a Docker container (each test skips with the reason otherwise).</summary>
public sealed class SqlServerPipelineTests : PipelineTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlServerPipelineDatabase(TinyContract.Compiled.TargetSchema);
}

/// <summary>Replicated reference samples end with their golden rows on SQL Server.</summary>
public sealed class SqlServerReferenceEndToEndTests : ReferenceEndToEndTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlServerPipelineDatabase(Postgres.ReferenceSchema.Cc);
}

/// <summary>The CLI killed and resumed, and Ctrl+C, against SQL Server.</summary>
public sealed class SqlServerCliProcessTests : CliProcessTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlServerPipelineDatabase(Postgres.ReferenceSchema.Cc);
}

using XmlShred.Tests.Fixtures;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>The pipeline suite on SQL Server: XMLSHRED_SQLSERVER, else a Docker container (each test skips with the reason otherwise).</summary>
public sealed class SqlServerPipelineTests : PipelineTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlServerPipelineDatabase(TinyContract.Compiled.TargetSchema);
}

/// <summary>Replicated fixture documents end with their expected rows on SQL Server.</summary>
public sealed class SqlServerEndToEndTests : EndToEndTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlServerPipelineDatabase(FixtureSet.Contract.TargetSchema);
}

/// <summary>The CLI killed and resumed, and Ctrl+C, against SQL Server.</summary>
public sealed class SqlServerCliProcessTests : CliProcessTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlServerPipelineDatabase(FixtureSet.Contract.TargetSchema);
}

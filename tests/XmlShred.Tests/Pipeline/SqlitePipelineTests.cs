namespace XmlShred.Tests.Pipeline;

public sealed class SqlitePipelineTests : PipelineTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();
}

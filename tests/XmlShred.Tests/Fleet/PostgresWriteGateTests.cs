using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Storage.Postgres;

namespace XmlShred.Tests.Fleet;

/// <summary>The exactly-once gate on real PostgreSQL.</summary>
public sealed class PostgresWriteGateTests(PostgresCluster cluster) : WriteGateTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

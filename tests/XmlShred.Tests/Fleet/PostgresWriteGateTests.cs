using XmlShred.Tests.Fixtures;
using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Storage.Postgres;

namespace XmlShred.Tests.Fleet;

/// <summary>The exactly-once gate, the fence and --retry-failed on real PostgreSQL.</summary>
public sealed class PostgresWriteGateTests(PostgresCluster cluster) : WriteGateTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

/// <summary>Three and four CLI processes at once, and a SIGKILL, on real PostgreSQL.</summary>
public sealed class PostgresFleetProcessTests(PostgresCluster cluster) : FleetProcessTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, FixtureSet.Contract.TargetSchema);
}

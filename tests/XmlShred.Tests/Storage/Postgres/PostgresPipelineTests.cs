using XmlShred.Tests.Fixtures;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.Postgres;

/// <summary>The whole pipeline suite (run, rerun, poison bisection, insert-if-absent/upsert, stop, abort) on real PostgreSQL.</summary>
public sealed class PostgresPipelineTests(PostgresCluster cluster) : PipelineTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

/// <summary>Replicated fixture documents end with their expected rows on PostgreSQL too.</summary>
public sealed class PostgresEndToEndTests(PostgresCluster cluster) : EndToEndTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, FixtureSet.Contract.TargetSchema);
}

/// <summary>The CLI killed at random points (five SIGKILLs) and resumed, and Ctrl+C, against PostgreSQL.</summary>
public sealed class PostgresCliProcessTests(PostgresCluster cluster) : CliProcessTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, FixtureSet.Contract.TargetSchema);

    protected override int Kills => 5;
}

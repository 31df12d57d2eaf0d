using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Postgres;

/// <summary>The whole pipeline suite (run, rerun, poison bisection, insert-if-absent/upsert, stop, abort) on real PostgreSQL.</summary>
public sealed class PostgresPipelineTests(PostgresCluster cluster) : PipelineTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

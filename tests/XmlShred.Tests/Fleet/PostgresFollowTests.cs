using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Storage.Postgres;

namespace XmlShred.Tests.Fleet;

/// <summary><c>run --follow</c> on real PostgreSQL.</summary>
public sealed class PostgresFollowTests(PostgresCluster cluster) : FollowTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

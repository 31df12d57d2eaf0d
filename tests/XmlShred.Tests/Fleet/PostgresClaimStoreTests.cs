using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Storage.Postgres;

namespace XmlShred.Tests.Fleet;

/// <summary>The claim table on real PostgreSQL: FOR UPDATE SKIP LOCKED under concurrent claimers, clock_timestamp() leases.</summary>
public sealed class PostgresClaimStoreTests(PostgresCluster cluster) : ClaimStoreTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

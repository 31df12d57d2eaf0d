using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Storage.Postgres;

namespace XmlShred.Tests.Hostile;

/// <summary>The hostile load on real PostgreSQL: a NUL or undecodable file is refused alone instead of aborting the batch.</summary>
public sealed class PostgresHostileLoadTests(PostgresCluster cluster) : HostileLoadTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, HostileCorpusTests.Contract.TargetSchema);
}

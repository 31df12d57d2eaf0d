using Npgsql;
using XmlShred.Tests.Faults;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.Postgres;

/// <summary>The staged transient faults on real PostgreSQL (see <see cref="TransientFaultTestBase"/>).</summary>
public sealed class PostgresTransientFaultTests(PostgresCluster cluster) : TransientFaultTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);

    /// <summary>What a session gets when the server shuts down or restarts.</summary>
    protected override Exception LostConnection() => new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01");
}

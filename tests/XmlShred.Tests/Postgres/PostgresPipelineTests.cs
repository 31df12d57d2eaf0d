using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Postgres;

/// <summary>The whole pipeline suite (run, rerun, poison bisection, insert-if-absent/upsert, stop, abort) on real PostgreSQL.</summary>
public sealed class PostgresPipelineTests(PostgresCluster cluster) : PipelineTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, TinyContract.Compiled.TargetSchema);
}

/// <summary>Replicated reference samples end with their golden rows on PostgreSQL too.</summary>
public sealed class PostgresReferenceEndToEndTests(PostgresCluster cluster) : ReferenceEndToEndTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, ReferenceSchema.Cc);
}

/// <summary>The CLI killed at random points and resumed, and Ctrl+C, against PostgreSQL.</summary>
public sealed class PostgresCliProcessTests(PostgresCluster cluster) : CliProcessTestBase
{
    protected override PipelineDatabase CreateDatabase() => new PostgresPipelineDatabase(cluster, ReferenceSchema.Cc);

    protected override int Kills => 5;
}

internal static class ReferenceSchema
{
    /// <summary>The reference CC contract's target_schema, which the shared queries reach through search_path.</summary>
    public static string Cc => XmlShred.Contract.ContractLoader.LoadFile(SharedReference.Path("contracts", "mapping_contract_cc.json")).TargetSchema;
}

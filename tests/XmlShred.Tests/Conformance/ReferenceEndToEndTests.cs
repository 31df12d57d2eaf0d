using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Conformance;

/// <summary>The end-to-end pipeline run on the small reference CC samples, against their golden rows (skips without ../shared).</summary>
public sealed class SqliteReferenceEndToEndTests : EndToEndTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();

    internal override ReplicatedCorpus CreateCorpus() => ReplicatedCorpus.FromReference(2000);
}

using System.Text.Json.Nodes;
using XmlShred.Benchmarking.Corpus;
using XmlShred.Contract;
using XmlShred.Loading;
using XmlShred.Storage;
using XmlShred.Tests.Conformance;
using XmlShred.Tests.Fixtures;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// A few base documents with their expected rows, replicated with <see cref="CorpusReplicator"/> to a few thousand
/// distinct applications, each with its expected rows after the same id rewrite. The project's fixture set serves
/// every clone; the reference CC samples (when ../shared is present) add a conformance run on real-world documents.
/// </summary>
internal sealed class ReplicatedCorpus
{
    public const int MaxReferenceSampleBytes = 40_000;

    public sealed record Application(long StagingId, string Xml, JsonObject Expected);

    private ReplicatedCorpus(CompiledContract contract, string contractPath, List<Application> applications)
    {
        Contract = contract;
        ContractPath = contractPath;
        Applications = applications;
    }

    public CompiledContract Contract { get; }

    /// <summary>The contract file, for the CLI.</summary>
    public string ContractPath { get; }

    public IReadOnlyList<Application> Applications { get; }

    /// <summary>At least <paramref name="minimum"/> applications from the committed fixture set (no ../shared needed).</summary>
    public static ReplicatedCorpus FromFixtures(int minimum) =>
        Replicate(FixtureSet.Contract, ExampleFiles.ContractPath,
            FixtureSet.Documents.Select(d => (d.Xml, JsonNode.Parse(d.ExpectedJson)!.AsObject())).ToList(), minimum);

    /// <summary>At least <paramref name="minimum"/> applications from the small reference CC samples; skips without ../shared.</summary>
    public static ReplicatedCorpus FromReference(int minimum)
    {
        SharedReference.RequireRoot();
        return Replicate(GoldenCases.Contract("cc"), SharedReference.Path("contracts", "mapping_contract_cc.json"), s_referenceBases.Value, minimum);
    }

    public async Task LoadAsync(ITargetDatabase database, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Contract, cancellationToken);
        foreach (var chunk in Applications.Chunk(500))
            await database.LoadSourceAsync(Contract, chunk.Select(a => new SourceDocument(a.StagingId, a.Xml)).ToList(), replace: false, cancellationToken);
    }

    private static ReplicatedCorpus Replicate(CompiledContract contract, string contractPath, List<(string Xml, JsonObject Expected)> bases, int minimum)
    {
        var stride = CorpusReplicator.StrideFor(bases.Select(b => b.Xml));
        var applications = new List<Application>();
        for (var replica = 0; applications.Count < minimum; replica++)
        {
            foreach (var (xml, expected) in bases)
            {
                var rewritten = CorpusReplicator.Rewrite(xml, replica, stride);
                var stagingId = RequestIdReader.Read(rewritten).AppId ?? 900_000_000L + applications.Count;
                applications.Add(new Application(stagingId, rewritten, Shift(expected, CorpusReplicator.Offset(replica, stride))));
            }
        }
        return new ReplicatedCorpus(contract, contractPath, applications);
    }

    private static readonly Lazy<List<(string, JsonObject)>> s_referenceBases = new(LoadReferenceBases);

    private static List<(string, JsonObject)> LoadReferenceBases()
    {
        var bases = new List<(string, JsonObject)>();
        foreach (var golden in Directory.EnumerateFiles(SharedReference.Path("golden", "cc"), "*.json").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(golden);
            var sample = SharedReference.Path("samples", "cc", stem + ".xml");
            if (!File.Exists(sample) || new FileInfo(sample).Length > MaxReferenceSampleBytes) continue;
            // The pipeline is under test here, not the mapper: samples the engine does not yet map to their golden are left out.
            if (GoldenCases.Check("cc", stem) is not null) continue;
            bases.Add((File.ReadAllText(sample), JsonNode.Parse(File.ReadAllText(golden))!.AsObject()));
        }
        return bases;
    }

    /// <summary>The expected rows after the replica's id rewrite: every app_id and con_id value moves by the offset.</summary>
    private static JsonObject Shift(JsonObject expected, long offset)
    {
        var copy = expected.DeepClone().AsObject();
        if (offset == 0) return copy;
        if (copy["app_id"] is JsonValue id && id.TryGetValue<long>(out var appId)) copy["app_id"] = appId + offset;
        foreach (var (_, rows) in copy["tables"]?.AsObject() ?? [])
        {
            foreach (var row in rows!.AsArray())
            {
                foreach (var column in new[] { BuilderColumns.AppId, BuilderColumns.ConId })
                {
                    if (row![column] is JsonValue value && value.TryGetValue<long>(out var n)) row[column] = n + offset;
                }
            }
        }
        return copy;
    }
}

using System.Text.Json.Nodes;
using XmlShred.Benchmarking.Corpus;
using XmlShred.Contract;
using XmlShred.Loading;
using XmlShred.Storage;
using XmlShred.Tests.Conformance;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// The reference CC samples that have a golden file (and that the mapping engine already maps to it), replicated
/// with <see cref="CorpusReplicator"/> to a few thousand distinct applications, each with its expected golden
/// rows after the same id rewrite. Small samples only, to keep the suite fast.
/// </summary>
internal sealed class ReferenceCorpus
{
    public const int MaxSampleBytes = 40_000;

    public sealed record Application(long StagingId, string Xml, JsonObject Golden);

    private ReferenceCorpus(CompiledContract contract, List<Application> applications)
    {
        Contract = contract;
        Applications = applications;
    }

    public CompiledContract Contract { get; }
    public IReadOnlyList<Application> Applications { get; }

    private static readonly Lazy<List<(string Stem, string Xml, JsonObject Golden)>> s_bases = new(LoadBases);

    /// <summary>At least <paramref name="minimum"/> applications (whole replicas of every base sample).</summary>
    public static ReferenceCorpus Create(int minimum)
    {
        SharedReference.RequireRoot();
        var bases = s_bases.Value;
        var applications = new List<Application>();
        for (var replica = 0; applications.Count < minimum; replica++)
        {
            foreach (var (_, xml, golden) in bases)
            {
                var rewritten = CorpusReplicator.Rewrite(xml, replica);
                var stagingId = RequestIdReader.Read(rewritten).AppId ?? 900_000_000L + applications.Count;
                applications.Add(new Application(stagingId, rewritten, Shift(golden, CorpusReplicator.Offset(replica))));
            }
        }
        return new ReferenceCorpus(GoldenCases.Contract("cc"), applications);
    }

    public async Task LoadAsync(ITargetDatabase database, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Contract, cancellationToken);
        foreach (var chunk in Applications.Chunk(500))
            await database.LoadSourceAsync(Contract, chunk.Select(a => new SourceDocument(a.StagingId, a.Xml)).ToList(), replace: false, cancellationToken);
    }

    private static List<(string, string, JsonObject)> LoadBases()
    {
        var bases = new List<(string, string, JsonObject)>();
        foreach (var golden in Directory.EnumerateFiles(SharedReference.Path("golden", "cc"), "*.json").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(golden);
            var sample = SharedReference.Path("samples", "cc", stem + ".xml");
            if (!File.Exists(sample) || new FileInfo(sample).Length > MaxSampleBytes) continue;
            // The pipeline is under test here, not the mapper: samples the engine does not yet map to their golden are left out.
            if (GoldenCases.Check("cc", stem) is not null) continue;
            bases.Add((stem, File.ReadAllText(sample), JsonNode.Parse(File.ReadAllText(golden))!.AsObject()));
        }
        return bases;
    }

    /// <summary>The golden file after the replica's id rewrite: every app_id and con_id value moves by the offset.</summary>
    private static JsonObject Shift(JsonObject golden, long offset)
    {
        var copy = golden.DeepClone().AsObject();
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

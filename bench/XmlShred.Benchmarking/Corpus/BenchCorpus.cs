using XmlShred.Loading;
using XmlShred.Storage;
using XmlShred.Synthetic;

namespace XmlShred.Benchmarking.Corpus;

/// <summary>The documents a benchmark loads once and every repeat shreds, with the contract that maps them.</summary>
public sealed record BenchCorpus(string ContractPath, IReadOnlyList<SourceDocument> Documents, string Origin)
{
    public double Megabytes => Documents.Sum(d => (long)d.Xml.Length) / 1048576.0;

    /// <summary>
    /// Sample files replicated with fresh ids when <paramref name="samples"/> is given, else <paramref name="count"/>
    /// generated documents (fixed seed) for <paramref name="contract"/> or the bundled example contract.
    /// </summary>
    /// <exception cref="ArgumentException">The folder holds no usable sample.</exception>
    public static BenchCorpus Load(string? samples, string? contract, int count, int maxSampleKb, string bundledContract)
    {
        if (count < 1) throw new ArgumentException("--count must be at least 1");
        return samples is null ? Generated(contract ?? bundledContract, count) : Replicated(samples, contract, count, maxSampleKb, bundledContract);
    }

    public static BenchCorpus Generated(string contract, int count)
    {
        var generator = new DocumentGenerator(new GeneratorOptions { Count = count, Seed = 7 });
        return new BenchCorpus(contract, [.. generator.Generate().Select(d => new SourceDocument(d.AppId, d.Xml))], $"{count} generated documents (seed 7)");
    }

    /// <summary>The reference CC contract beside reference samples (<c>samples/cc</c> → <c>contracts/mapping_contract_cc.json</c>), if any.</summary>
    public static BenchCorpus Replicated(string folder, string? contract, int count, int maxSampleKb, string bundledContract)
    {
        if (!Directory.Exists(folder)) throw new ArgumentException($"--samples folder '{folder}' does not exist");
        var reference = Path.GetFullPath(Path.Combine(folder, "..", "..", "contracts", "mapping_contract_cc.json"));
        var contractPath = contract ?? (File.Exists(reference) ? reference : bundledContract);
        var bases = Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal)
            .Where(f => new FileInfo(f).Length <= maxSampleKb * 1024L)
            .Select(File.ReadAllText)
            .Where(x => RequestIdReader.Read(x).AppId is not null)
            .ToList();
        if (bases.Count == 0) throw new ArgumentException($"no sample XML files of at most {maxSampleKb} KB with a Request/@ID in {folder}");
        var stride = CorpusReplicator.StrideFor(bases);
        var documents = new List<SourceDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var xml = CorpusReplicator.Rewrite(bases[i % bases.Count], i / bases.Count, stride);
            documents.Add(new SourceDocument(RequestIdReader.Read(xml).AppId!.Value, xml));
        }
        return new BenchCorpus(contractPath, documents, $"{bases.Count} sample files from {folder} replicated to {count}");
    }

    /// <summary>The reference CC samples when this checkout sits beside <c>shared/reference</c>, else null.</summary>
    public static string? FindReferenceSamples()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "reference", "samples", "cc"), Path.Combine(dir.FullName, "..", "shared", "reference", "samples", "cc") })
                {
                    if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
                }
            }
        }
        return null;
    }
}

using System.Text.Json.Nodes;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Output;

namespace XmlShred.Tests.Conformance;

/// <summary>Discovers golden files per product line and maps their samples with the reference contract.</summary>
internal static class GoldenCases
{
    private static readonly Lazy<CompiledContract> s_cc = new(() => ContractLoader.LoadFile(SharedReference.Path("contracts", "mapping_contract_cc.json")));
    private static readonly Lazy<CompiledContract> s_rl = new(() => ContractLoader.LoadFile(SharedReference.Path("contracts", "mapping_contract_rl.json")));

    public const string Absent = "(../shared/reference absent)";

    /// <summary>Golden stems of a product line, or one placeholder that skips when the reference folder is absent.</summary>
    public static TheoryData<string> Stems(string line)
    {
        var data = new TheoryData<string>();
        if (SharedReference.Root is null)
        {
            data.Add(Absent);
            return data;
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedReference.Root, "golden", line), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    public static CompiledContract Contract(string line) => line == "cc" ? s_cc.Value : s_rl.Value;

    /// <summary>Maps the sample of <paramref name="stem"/> and compares it with its golden file; null when they agree.</summary>
    public static string? Check(string line, string stem)
    {
        Assert.SkipWhen(stem == Absent, SharedReference.MissingMessage);
        var golden = JsonNode.Parse(File.ReadAllText(SharedReference.Path("golden", line, stem + ".json")))!.AsObject();
        var xml = File.ReadAllText(SharedReference.Path("samples", line, stem + ".xml"));
        var result = new DocumentMapper(Contract(line), new MappingOptions { UtcNow = () => new DateTime(2000, 1, 1) }).Map(xml);
        var actual = MappingJson.ToJson(result, $"samples/{line}/{stem}.xml");
        return GoldenComparer.Compare(stem, golden, actual);
    }
}

using System.Text;
using System.Text.Json.Nodes;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Hostile;

/// <summary>
/// Mutates real contracts deterministically (fixed seed): every mutant either loads, and then maps a document
/// without throwing, or is rejected with errors that each name where they are. Nothing crashes or hangs.
/// </summary>
public class ContractMutationFuzzTests
{
    private const int RandomMutants = 300;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] ContractBytes(string which) => which switch
    {
        "example" => File.ReadAllBytes(ExampleFiles.ContractPath),
        "cc" => File.ReadAllBytes(SharedReference.Path("contracts", "mapping_contract_cc.json")),
        _ => File.ReadAllBytes(SharedReference.Path("contracts", "mapping_contract_rl.json")),
    };

    /// <summary>Values that break a field in some way: wrong JSON kind, out of range, absurdly large or deep.</summary>
    private static readonly Func<JsonNode?>[] s_hostileValues =
    [
        () => null, () => true, () => 0, () => -1, () => -2, () => 39, () => int.MaxValue, () => 1e300, () => 0.5,
        () => "", () => " ", () => "x", () => "varchar", () => "decimal", () => "Ω☃😀", () => "/Other/path", () => "a;DROP TABLE t",
        () => new JsonArray(), () => new JsonObject(), () => new JsonArray("enum", 7), () => new JsonObject { ["k"] = "v" },
        () => Nested(80), () => new string('(', 5000) + "1" + new string(')', 5000), () => new string('x', 100_000),
    ];

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    [Theory]
    [InlineData("example", 11)]
    [InlineData("cc", 12)]
    [InlineData("rl", 13)]
    public async Task RandomMutants_LoadOrAreRejectedNamingWhere_NeverCrashOrHang(string which, int seed)
    {
        var original = JsonNode.Parse(ContractBytes(which))!;
        var random = new Random(seed);
        var loaded = 0;
        var rejected = 0;
        // A hang is a failure too: the whole loop has a deadline far above its normal few seconds.
        await Task.Run(() =>
        {
            for (var i = 0; i < RandomMutants; i++)
            {
                var mutant = original.DeepClone();
                var applied = new List<string>();
                for (var m = random.Next(1, 4); m > 0; m--) applied.Add(Mutate(mutant, random));
                if (Check(mutant, $"{which} #{i}: {string.Join("; ", applied)}")) loaded++;
                else rejected++;
            }
        }, Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        Assert.Equal(RandomMutants, loaded + rejected);
        Assert.True(rejected > RandomMutants / 4, $"only {rejected} of {RandomMutants} mutants were rejected: the mutations are too tame");
    }

    /// <summary>Mistakes that change data unless caught: each must be rejected with an error naming the entry it was made in.</summary>
    [Theory]
    [InlineData("data_type", "varchar")]
    [InlineData("data_type", "money")]
    [InlineData("data_length", -7)]
    [InlineData("data_length", 2_000_000_000)]
    [InlineData("mapping_type", 5)]
    [InlineData("mapping_type", "{}")]
    [InlineData("xml_path", "/Other/Request")]
    public void TargetedMistake_InEveryEntry_IsRejectedNamingTheEntry(string field, object value)
    {
        var original = JsonNode.Parse(ContractBytes("example"))!;
        var count = original["mappings"]!.AsArray().Count;
        for (var i = 0; i < count; i++)
        {
            var mutant = original.DeepClone();
            mutant["mappings"]![i]![field] = value switch
            {
                "{}" => new JsonObject(),
                string s => s,
                int n => n,
                _ => throw new ArgumentException("unsupported value", nameof(value)),
            };
            var (contract, diagnostics) = ContractLoader.Compile(Encoding.UTF8.GetBytes(mutant.ToJsonString()), "mutant");
            Assert.Null(contract);
            Assert.True(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Location.Contains($"mappings[{i}]", StringComparison.Ordinal)),
                $"mappings[{i}].{field} = {value}: {string.Join(" | ", diagnostics.Select(d => d.ToString()))}");
        }
    }

    /// <summary>Loads or rejects; true when it loaded (and then mapped a document without throwing).</summary>
    private static bool Check(JsonNode mutant, string what)
    {
        IReadOnlyList<ContractDiagnostic> diagnostics;
        CompiledContract? contract;
        try
        {
            (contract, diagnostics) = ContractLoader.Compile(Encoding.UTF8.GetBytes(mutant.ToJsonString()), "mutant");
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: the loader threw {ex.GetType().Name}: {ex.Message}");
            throw;
        }
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (contract is null)
        {
            Assert.True(errors.Count > 0, $"{what}: rejected without an error");
            foreach (var error in errors)
                Assert.True(!string.IsNullOrWhiteSpace(error.Location) && !string.IsNullOrWhiteSpace(error.Message), $"{what}: an error names no place: {error}");
            return false;
        }
        Assert.Empty(errors);
        try
        {
            var result = new DocumentMapper(contract).Map(HostileCorpus.Document(123));
            Assert.True(result.Outcome is MappingOutcome.Mapped or MappingOutcome.Rejected);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: the contract loaded but mapping threw {ex.GetType().Name}: {ex.Message}");
        }
        return true;
    }

    /// <summary>One random change somewhere in the tree; returns a description for the failure message.</summary>
    private static string Mutate(JsonNode root, Random random)
    {
        var all = new List<JsonNode>();
        Collect(root, all);
        var target = all[random.Next(all.Count)];
        var parent = target.Parent;
        if (parent is null) return "(root kept)";
        var path = target.GetPath();
        switch (random.Next(4))
        {
            case 0: // remove
                if (parent is JsonObject o) o.Remove(target.GetPropertyName());
                else parent.AsArray().Remove(target);
                return "remove " + path;
            case 1: // duplicate an array element, or a sibling's value
                if (parent is JsonArray array)
                {
                    array.Add(target.DeepClone());
                    return "duplicate " + path;
                }
                goto default;
            default: // replace with a hostile value
                var value = s_hostileValues[random.Next(s_hostileValues.Length)]();
                if (parent is JsonObject obj) obj[target.GetPropertyName()] = value;
                else parent.AsArray()[target.GetElementIndex()] = value;
                return $"{path} = {Describe(value)}";
        }
    }

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    private static void Collect(JsonNode? node, List<JsonNode> all)
    {
        if (node is null) return;
        all.Add(node);
        if (node is JsonObject o) foreach (var (_, child) in o) Collect(child, all);
        else if (node is JsonArray a) foreach (var child in a) Collect(child, all);
    }
}

using System.Text.Json.Nodes;
using System.Xml.Linq;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Output;

namespace XmlShred.Tests.Conformance;

/// <summary>
/// The engine names no product: a reference contract whose every target table is prefixed <c>x_</c> and whose
/// contact/address/employment elements are renamed (consistently in contract and XML) maps the renamed samples to
/// the golden rows under the new table names.
/// </summary>
public class RenamedContractTests
{
    private static readonly Dictionary<string, Dictionary<string, string>> s_elementRenames = new()
    {
        ["cc"] = new() { ["contact"] = "person", ["contact_address"] = "person_place", ["contact_employment"] = "person_job" },
        ["rl"] = new() { ["IL_contact"] = "borrower", ["IL_contact_address"] = "borrower_place", ["IL_contact_employment"] = "borrower_job" },
    };

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in new[] { "cc", "rl" })
        {
            foreach (var stem in GoldenCases.Stems(line).Select(row => row.Data).Where(stem => IsMapped(line, stem)).Take(12)) data.Add(line, stem);
        }
        return data;
    }

    /// <summary>Rejected samples (malformed ones among them) cannot be renamed as XML; they are covered by the golden tests.</summary>
    private static bool IsMapped(string line, string stem) =>
        stem == GoldenCases.Absent
        || (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(SharedReference.Root!, "golden", line, stem + ".json")))!["outcome"] == "mapped";

    [Theory]
    [MemberData(nameof(Samples))]
    public void RenamedContractAndSample_MapToTheGoldenRowsUnderNewNames(string line, string stem)
    {
        Assert.SkipWhen(stem == GoldenCases.Absent, SharedReference.MissingMessage);
        var renames = s_elementRenames[line];
        var contractJson = JsonNode.Parse(File.ReadAllText(SharedReference.Path("contracts", $"mapping_contract_{line}.json")))!.AsObject();
        var contract = ContractLoader.Load(System.Text.Encoding.UTF8.GetBytes(RenameContract(contractJson, renames).ToJsonString()), "renamed");
        Assert.All(contract.Tables, t => Assert.StartsWith("x_", t.Name));

        var xml = RenameElements(File.ReadAllText(SharedReference.Path("samples", line, stem + ".xml")), renames);
        var result = new DocumentMapper(contract).Map(xml);

        var golden = JsonNode.Parse(File.ReadAllText(SharedReference.Path("golden", line, stem + ".json")))!.AsObject();
        var renamedGolden = new JsonObject { ["outcome"] = golden["outcome"]!.DeepClone(), ["tables"] = PrefixTables(golden["tables"]?.AsObject(), renames) };
        var problems = GoldenComparer.Compare(stem, renamedGolden, MappingJson.ToJson(result, stem));
        Assert.True(problems is null, problems);
    }

    /// <summary>Golden tables under their x_ names; a history row's <c>source</c> names its element, so it follows the rename.</summary>
    private static JsonObject PrefixTables(JsonObject? tables, Dictionary<string, string> renames)
    {
        var renamed = new JsonObject();
        foreach (var (name, rows) in tables ?? [])
        {
            var copy = rows!.DeepClone().AsArray();
            foreach (var row in copy)
            {
                if (row?["source"] is JsonValue source && source.TryGetValue<string>(out var text) && text.Length > 2
                    && renames.TryGetValue(text[1..^1], out var element))
                    row["source"] = "[" + element + "]";
            }
            renamed["x_" + name] = copy;
        }
        return renamed;
    }

    private static JsonObject RenameContract(JsonObject contract, Dictionary<string, string> renames)
    {
        string Path(string path) => string.Join('/', path.Split('/').Select(s => renames.GetValueOrDefault(s, s)));
        void RenamePaths(JsonNode? node, params string[] keys)
        {
            foreach (var key in keys)
            {
                if (node?[key] is JsonValue value && value.TryGetValue<string>(out var path)) node[key] = Path(path);
            }
        }
        void PrefixTable(JsonNode? node, string key)
        {
            if (node?[key] is JsonValue value && value.TryGetValue<string>(out var table) && table.Length > 0) node[key] = "x_" + table;
        }
        contract["table_insertion_order"] = new JsonArray(contract["table_insertion_order"]!.AsArray().Select(t => (JsonNode)("x_" + (string)t!)).ToArray());
        foreach (var rule in contract["element_filtering"]!["filter_rules"]!.AsArray()) RenamePaths(rule, "xml_parent_path", "xml_child_path");
        foreach (var rel in contract["relationships"]!.AsArray())
        {
            RenamePaths(rel, "xml_parent_path", "xml_child_path");
            PrefixTable(rel, "parent_table");
            PrefixTable(rel, "child_table");
        }
        foreach (var mapping in contract["mappings"]!.AsArray())
        {
            RenamePaths(mapping, "xml_path");
            PrefixTable(mapping, "target_table");
        }
        return contract;
    }

    private static string RenameElements(string xml, Dictionary<string, string> renames)
    {
        var document = XDocument.Parse(xml);
        foreach (var element in document.Descendants().ToList())
        {
            if (renames.TryGetValue(element.Name.LocalName, out var renamed)) element.Name = element.Name.Namespace + renamed;
        }
        return document.ToString(SaveOptions.DisableFormatting);
    }
}

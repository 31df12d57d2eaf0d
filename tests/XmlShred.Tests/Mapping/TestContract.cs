using System.Text;
using System.Text.Json.Nodes;
using XmlShred.Contract;
using XmlShred.Mapping;

namespace XmlShred.Tests.Mapping;

/// <summary>
/// Emits a valid minimal contract (CONTRACT-1 to CONTRACT-12): filter rules for a neutral contact element <c>person</c> (role attribute
/// <c>role</c> = [PR, AUTHU]), its address <c>person_addr</c> (<c>addr_tp</c> = [CURR, PREV]) and employment
/// <c>person_job</c> (<c>job_tp</c> = [CURR, PREV]); one relationship per table; insertion order = tables in order of
/// first appearance, then processing_log. Tests add only the entries they care about.
/// </summary>
internal sealed class TestContract
{
    public const string App = "/Provenir/Request/CustData/application";
    public const string Person = App + "/person";
    public const string Addr = Person + "/person_addr";
    public const string Job = Person + "/person_job";

    private readonly JsonArray _mappings = [];
    private readonly JsonObject _enums = [];
    public List<string>? InsertionOrder { get; set; }
    public string ApplicationElement { get; set; } = "application";
    public bool WithEmploymentRule { get; set; } = true;
    public JsonObject? Bits { get; set; } = new()
    {
        ["char_to_bit"] = new JsonObject { ["Y"] = 1, ["N"] = 0, [""] = 0 },
        ["boolean_to_bit"] = new JsonObject { ["true"] = 1, ["false"] = 0, ["1"] = 1, ["0"] = 0, ["yes"] = 1, ["no"] = 0, ["y"] = 1, ["n"] = 0, [""] = 0 },
    };

    public TestContract Add(string table, string column, string path, string? attr, string type = "string",
        string? mt = null, int? length = null, bool nullable = false, JsonNode? dflt = null, bool excludeWhenEmpty = false,
        string? expression = null, string? enumName = null)
    {
        var e = new JsonObject { ["xml_path"] = path, ["target_table"] = table, ["target_column"] = column, ["data_type"] = type, ["nullable"] = nullable };
        if (attr is not null) e["xml_attribute"] = attr;
        if (mt is not null) e["mapping_type"] = mt;
        if (length is not null) e["data_length"] = length;
        if (dflt is not null) e["default_value"] = dflt;
        if (excludeWhenEmpty) e["exclude_default_when_record_empty"] = true;
        if (expression is not null) e["expression"] = expression;
        if (enumName is not null) e["enum_name"] = enumName;
        _mappings.Add(e);
        return this;
    }

    /// <summary>The usual app_base key entry (<c>Request/@ID</c>, identity_insert).</summary>
    public TestContract AppId() => Add("app_base", "app_id", "/Provenir/Request", "ID", "int", mt: "identity_insert");

    public TestContract Enum(string name, JsonObject map)
    {
        _enums[name] = map;
        return this;
    }

    public JsonObject ToJson()
    {
        var tables = new List<string>();
        foreach (var m in _mappings) { var t = (string)m!["target_table"]!; if (!tables.Contains(t)) tables.Add(t); }
        var order = InsertionOrder ?? [.. tables, "processing_log"];
        var app = "/Provenir/Request/CustData/" + ApplicationElement;
        var rels = new JsonArray();
        foreach (var t in order.Where(t => t is not "app_base" and not "processing_log"))
        {
            var child = t switch
            {
                "app_contact_base" => app + "/person",
                "app_contact_address" => app + "/person/person_addr",
                "app_contact_employment" => app + "/person/person_job",
                _ => "/Provenir/Request",
            };
            rels.Add(new JsonObject { ["parent_table"] = "app_base", ["child_table"] = t, ["foreign_key_column"] = "app_id", ["xml_parent_path"] = "/Provenir/Request", ["xml_child_path"] = child });
        }
        var rules = new JsonArray
        {
            Rule("contact", app, app + "/person", new JsonObject { ["con_id"] = true, ["role"] = new JsonArray("PR", "AUTHU") }),
            Rule("address", app + "/person", app + "/person/person_addr", new JsonObject { ["addr_tp"] = new JsonArray("CURR", "PREV") }),
        };
        if (WithEmploymentRule) rules.Add(Rule("employment", app + "/person", app + "/person/person_job", new JsonObject { ["job_tp"] = new JsonArray("CURR", "PREV") }));
        var root = new JsonObject
        {
            ["xml_root_element"] = "Provenir",
            ["source_table"] = "staging",
            ["source_column"] = "xml",
            ["source_application_table"] = ApplicationElement,
            ["table_insertion_order"] = new JsonArray([.. order.Select(o => (JsonNode)JsonValue.Create(o)!)]),
            ["element_filtering"] = new JsonObject { ["filter_rules"] = rules },
            ["relationships"] = rels,
            ["mappings"] = _mappings.DeepClone(),
            ["enum_mappings"] = _enums.DeepClone(),
        };
        if (Bits is not null) root["bit_conversions"] = Bits.DeepClone();
        return root;
    }

    private static JsonObject Rule(string type, string parent, string child, JsonObject req) =>
        new() { ["element_type"] = type, ["xml_parent_path"] = parent, ["xml_child_path"] = child, ["required_attributes"] = req };

    public byte[] Bytes() => Encoding.UTF8.GetBytes(ToJson().ToJsonString());

    public CompiledContract Build() => ContractLoader.Load(Bytes(), "test");

    public MappingResult Map(string xml) => Mapper().Map(xml);

    public DocumentMapper Mapper() => new(Build(), new MappingOptions { UtcNow = () => Fixed.Now });
}

internal static class Fixed
{
    public static readonly DateTime Now = new(2030, 1, 2, 3, 4, 5);
}

/// <summary>Small XML and result helpers.</summary>
internal static class Doc
{
    /// <summary><c>&lt;Provenir&gt;&lt;Request ID=..&gt;&lt;CustData&gt;&lt;application appAttrs&gt;inner…</c></summary>
    public static string Xml(string inner = "", string appAttrs = "", string id = "1", string appElement = "application") =>
        $"<Provenir><Request ID=\"{id}\"><CustData><{appElement} {appAttrs}>{inner}</{appElement}></CustData></Request></Provenir>";

    /// <summary>A valid, meaningful person.</summary>
    public static string Person(string conId, string role = "PR", string attrs = "", string inner = "") =>
        $"<person con_id=\"{conId}\" role=\"{role}\" first_name=\"F{conId}\" {attrs}>{inner}</person>";

    public static List<Dictionary<string, object?>> Rows(this MappingResult r, string table)
    {
        var t = r.Tables.FirstOrDefault(x => x.Name == table);
        if (t is null) return [];
        return [.. t.Rows.Select(row => t.Columns.ToDictionary(c => c, c => t.Value(row, c)))];
    }

    public static Dictionary<string, object?> Single(this MappingResult r, string table)
    {
        Assert.Equal(MappingOutcome.Mapped, r.Outcome);
        return Assert.Single(r.Rows(table));
    }

    public static bool Has(this MappingResult r, string table) => r.Tables.Any(t => t.Name == table);

    /// <summary>Value of a column, or null when the row lacks (or nulls) it.</summary>
    public static object? Get(this Dictionary<string, object?> row, string column) => row.TryGetValue(column, out var v) ? v : null;
}

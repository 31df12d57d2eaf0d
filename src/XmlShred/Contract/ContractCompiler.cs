using System.Text.Json;

namespace XmlShred.Contract;

/// <summary>Turns a <see cref="ContractDocument"/> into a <see cref="CompiledContract"/>, reporting CONTRACT-1 to CONTRACT-9 problems.</summary>
internal sealed partial class ContractCompiler
{
    private static readonly string[] s_rowCreatingPrefixes =
        ["add_score", "add_indicator", "add_history", "add_report_lookup", "policy_exceptions", "warranty_field", "add_collateral"];

    private readonly ContractDocument _doc;
    private readonly string _name;
    private readonly string _hash;
    private readonly DiagnosticSink _sink;

    public ContractCompiler(ContractDocument doc, string name, string hash, DiagnosticSink sink)
    {
        _doc = doc;
        _name = name;
        _hash = hash;
        _sink = sink;
    }

    public CompiledContract? Compile()
    {
        if (!CheckNoNullItems()) return null;
        CheckTopLevel();
        var rules = CompileFilterRules();
        var relationships = CheckRelationships();
        var enumMaps = CompileEnumMaps();
        var entries = CompileEntries(enumMaps, rules.Contact?.ElementName);
        CheckDuplicateColumns(entries);
        if (_sink.HasErrors || rules.Contact is null || rules.Address is null) return null;

        var tables = BuildTables(entries, rules, relationships);
        if (_sink.HasErrors) return null;
        WarnAboutContent(entries, tables);

        var contactTable = tables.FirstOrDefault(t => t.Kind == TableKind.Contact);
        var addressTable = tables.FirstOrDefault(t => t.Kind == TableKind.Address);
        return new CompiledContract
        {
            Name = _name,
            Hash = _hash,
            SourceTable = _doc.SourceTable!.Trim(),
            SourceColumn = _doc.SourceColumn!.Trim(),
            RootElement = _doc.XmlRootElement!.Trim(),
            ApplicationElement = string.IsNullOrWhiteSpace(_doc.SourceApplicationTable) ? "application" : _doc.SourceApplicationTable.Trim(),
            TargetSchema = string.IsNullOrWhiteSpace(_doc.TargetSchema) ? "dbo" : _doc.TargetSchema.Trim(),
            Tables = tables,
            RootTable = RootOf(tables),
            ContactRule = rules.Contact,
            AddressRule = rules.Address,
            EmploymentRule = rules.Employment,
            ContactTable = contactTable,
            AddressTable = addressTable,
            EmploymentTable = tables.FirstOrDefault(t => t.Kind == TableKind.Employment),
            RelationshipContactElement = RelationshipElement(relationships, contactTable?.Name) ?? rules.Contact.ElementName,
            RelationshipAddressElement = RelationshipElement(relationships, addressTable?.Name) ?? rules.Address.ElementName,
            EnumMaps = enumMaps,
            CharToBit = BitMap("char_to_bit"),
            BooleanToBit = BitMap("boolean_to_bit"),
        };
    }

    /// <summary>The table of the identity_insert entry that fills app_id; the first table when there is none.</summary>
    internal static TablePlan RootOf(IReadOnlyList<TablePlan> tables) =>
        tables.FirstOrDefault(t => t.Kind == TableKind.Application
            && t.Entries.Any(e => e.TargetColumn == BuilderColumns.AppId && e.Has(MappingTokenKind.IdentityInsert))) ?? tables[0];

    private void CheckTopLevel()
    {
        foreach (var (key, value) in new[] { ("source_table", _doc.SourceTable), ("source_column", _doc.SourceColumn), ("xml_root_element", _doc.XmlRootElement) })
        {
            if (string.IsNullOrWhiteSpace(value)) _sink.Error("CONTRACT-1", key, "is missing or empty");
            else if (key != "xml_root_element" && !SqlIdentifier.IsValid(value.Trim())) _sink.Error("identifier", key, SqlIdentifier.Explain(value));
        }
        if (!string.IsNullOrWhiteSpace(_doc.TargetSchema) && !SqlIdentifier.IsValid(_doc.TargetSchema.Trim()))
            _sink.Error("identifier", "target_schema", SqlIdentifier.Explain(_doc.TargetSchema));
        if (_doc.Mappings is null || _doc.Mappings.Count == 0) _sink.Error("CONTRACT-1", "mappings", "is missing or empty");
        if (_doc.TableInsertionOrder is null) _sink.Error("CONTRACT-1", "table_insertion_order", "is missing");
        if (_doc.Relationships is null) _sink.Error("CONTRACT-1", "relationships", "is missing");
        foreach (var table in _doc.TableInsertionOrder ?? [])
        {
            if (table is not null && !SqlIdentifier.IsValid(table)) _sink.Error("identifier", "table_insertion_order", SqlIdentifier.Explain(table));
        }
        CheckTableOrder();
        CheckApplicationPath();
    }

    private Dictionary<string, int> BitMap(string name)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        if (_doc.BitConversions is null || !_doc.BitConversions.TryGetValue(name, out var raw)) return map;
        foreach (var (key, value) in raw)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var bit)) map[key] = bit;
            else if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), out bit)) map[key] = bit;
            else if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) map[key] = value.GetBoolean() ? 1 : 0;
            else _sink.Error("bit_conversions", $"bit_conversions.{name}.{key}", $"value {value.GetRawText()} is not 0 or 1");
        }
        return map;
    }

    private static string? RelationshipElement(IReadOnlyList<RelationshipDocument> relationships, string? childTable)
    {
        if (childTable is null) return null;
        foreach (var rel in relationships)
        {
            if (rel.ChildTable == childTable) return LastSegment(rel.XmlChildPath);
        }
        return childTable;
    }

    internal static string LastSegment(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "";
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    internal static bool IsRowCreating(MappingToken token)
    {
        foreach (var prefix in s_rowCreatingPrefixes)
        {
            if (token.Name.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

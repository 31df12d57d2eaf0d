using System.Text.Json;
using XmlShred.Values;

namespace XmlShred.Contract;

internal sealed partial class ContractCompiler
{
    private static readonly (string Fragment, string Map)[] s_enumFragments =
    [
        ("status", "status_enum"), ("process", "process_enum"), ("app_source", "app_source_enum"),
        ("contact_type", "contact_type_enum"), ("address_type", "address_type_enum"), ("ownership_type", "ownership_type_enum"),
        ("employment_type", "employment_type_enum"), ("income_type", "income_type_enum"), ("other_income_type", "other_income_type_enum"),
        ("population_assignment", "population_assignment_enum"), ("decision", "decision_enum"),
    ];

    private Dictionary<string, EnumMap> CompileEnumMaps()
    {
        var maps = new Dictionary<string, EnumMap>(StringComparer.Ordinal);
        foreach (var (name, raw) in _doc.EnumMappings ?? [])
        {
            if (raw.ValueKind != JsonValueKind.Object)
            {
                _sink.Error("enum_mappings", $"enum_mappings.{name}", "is not an object of text → code");
                continue;
            }
            var pairs = new List<KeyValuePair<string, object>>();
            foreach (var property in raw.EnumerateObject())
            {
                object code = property.Value.ValueKind switch
                {
                    JsonValueKind.Number when property.Value.TryGetInt64(out var n) => n,
                    JsonValueKind.String => property.Value.GetString()!,
                    _ => property.Value.GetRawText(),
                };
                pairs.Add(new(property.Name, code));
            }
            maps[name] = new EnumMap(name, pairs);
        }
        return maps;
    }

    private List<MappingEntry> CompileEntries(Dictionary<string, EnumMap> enumMaps, string? contactElement)
    {
        var entries = new List<MappingEntry>();
        var raw = _doc.Mappings ?? [];
        for (var i = 0; i < raw.Count; i++)
        {
            var m = raw[i];
            var location = $"mappings[{i}] {m.TargetTable}.{m.TargetColumn}";
            var tokens = ParseTokens(m.MappingType, location);
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(m.XmlPath)) missing.Add("xml_path");
            if (string.IsNullOrWhiteSpace(m.TargetTable)) missing.Add("target_table");
            if (string.IsNullOrWhiteSpace(m.DataType)) missing.Add("data_type");
            if (missing.Count > 0)
            {
                _sink.Error("CONTRACT-2", location, $"empty {string.Join(", ", missing)}");
                continue;
            }
            if (!CheckEntryShape(m, location)) continue;
            var rowCreating = tokens.Any(IsRowCreating);
            if (string.IsNullOrWhiteSpace(m.TargetColumn) && !rowCreating)
            {
                _sink.Error("CONTRACT-3", location, "target_column is empty and no row-creating mapping type (add_score, add_history, …) explains it");
                continue;
            }
            if (!SqlIdentifier.IsValid(m.TargetTable!.Trim())) _sink.Error("identifier", location, "target_table " + SqlIdentifier.Explain(m.TargetTable));
            if (!string.IsNullOrWhiteSpace(m.TargetColumn) && !SqlIdentifier.IsValid(m.TargetColumn.Trim()))
                _sink.Error("identifier", location, "target_column " + SqlIdentifier.Explain(m.TargetColumn));

            var segments = m.XmlPath!.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var targetColumn = m.TargetColumn?.Trim() ?? "";
            var enumName = string.IsNullOrWhiteSpace(m.EnumName) ? null : m.EnumName.Trim();
            var dataType = DataTypes.Parse(m.DataType!);
            var defaultText = DefaultText(m.DefaultValue);
            string? mapName = null;
            var isEnum = tokens.Any(t => t.Kind == MappingTokenKind.Enum);
            if (isEnum)
            {
                mapName = ResolveEnumMapName(enumName, targetColumn, enumMaps);
                if (mapName is null) _sink.Error("CONTRACT-8", location, $"no enum map found for this column (enum_name '{enumName}', column '{targetColumn}') (ENUM-1)");
            }
            var entry = new MappingEntry
            {
                Index = i,
                XmlPath = m.XmlPath!.Trim(),
                PathSegments = segments,
                ContactSegment = contactElement is null ? -1 : Array.IndexOf(segments, contactElement),
                XmlAttribute = string.IsNullOrWhiteSpace(m.XmlAttribute) ? null : m.XmlAttribute.Trim(),
                TargetTable = m.TargetTable.Trim(),
                TargetColumn = targetColumn,
                DataType = dataType,
                DataTypeName = m.DataType!.Trim(),
                DataLength = m.DataLength,
                Tokens = tokens,
                Nullable = m.Nullable ?? false,
                DefaultText = defaultText,
                TypedDefault = TypedDefault(defaultText, dataType, m.DataLength),
                ExcludeDefaultWhenRecordEmpty = m.ExcludeDefaultWhenRecordEmpty ?? false,
                ExpressionText = m.Expression,
                Expression = CompileExpression(m, tokens, location),
                EnumName = enumName,
                EnumMap = mapName is not null && enumMaps[mapName].Count > 0 ? enumMaps[mapName] : null,
            };
            CheckEntryValues(entry, location);
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>
    /// ENUM-1: <c>enum_name</c>, else the column name, else a <c>_enum</c> column, else the substring rules.
    /// Returns the name of an existing map (possibly empty, which counts as no map at mapping time) or null.
    /// </summary>
    private static string? ResolveEnumMapName(string? enumName, string column, Dictionary<string, EnumMap> maps)
    {
        string? Existing(string name) => maps.ContainsKey(name) ? name : null;
        if (enumName is not null) return Existing(enumName);
        if (maps.ContainsKey(column)) return column;
        if (column.EndsWith("_enum", StringComparison.Ordinal)) return Existing(column);
        foreach (var (fragment, map) in s_enumFragments)
        {
            if (column.Contains(fragment, StringComparison.Ordinal)) return Existing(map);
        }
        return null;
    }

    /// <summary>
    /// The typed default: <c>default_value</c> converted to the entry's type (a decimal at its scale); a string default
    /// is trimmed and cut to data_length. Null when blank or unconvertible.
    /// </summary>
    internal static object? TypedDefault(string? defaultText, DataType type, int? dataLength)
    {
        if (string.IsNullOrWhiteSpace(defaultText)) return null;
        var typed = TypedValue.Generic(defaultText, type, type == DataType.Decimal ? dataLength : null);
        if (typed is not string s) return typed;
        s = s.Trim();
        return dataLength is >= 0 ? ValueText.Truncate(s, dataLength.Value).Trim() : s;
    }

    private List<MappingToken> ParseTokens(JsonElement raw, string location)
    {
        var tokens = new List<MappingToken>();
        switch (raw.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                break;
            case JsonValueKind.String:
                foreach (var piece in raw.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    tokens.Add(MappingToken.Parse(piece));
                break;
            case JsonValueKind.Array:
                foreach (var item in raw.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())) tokens.Add(MappingToken.Parse(item.GetString()!));
                    else _sink.Error("mapping_type", location, $"token {item.GetRawText()} is not a non-empty string: mapping_type must be a list of token names");
                }
                break;
            default:
                _sink.Error("mapping_type", location, $"mapping_type must be a list of token names (or one comma-separated string), not {raw.ValueKind}: {raw.GetRawText()}");
                break;
        }
        return tokens;
    }

    /// <summary>CONTRACT-9: expressions are parsed once, here, never per document.</summary>
    private Expressions.CompiledExpression? CompileExpression(MappingDocument m, List<MappingToken> tokens, string location)
    {
        if (string.IsNullOrWhiteSpace(m.Expression) || !tokens.Exists(t => t.Name == "calculated_field")) return null;
        try
        {
            return Expressions.CompiledExpression.Parse(m.Expression);
        }
        catch (Expressions.ExpressionParseException ex)
        {
            _sink.Error("CONTRACT-9", location, $"Contract error: expression of {m.TargetTable}.{m.TargetColumn}: {ex.Message}");
            return null;
        }
    }

    /// <summary>JSON numbers count by their text (DEFAULT-1); null and absent mean no default.</summary>
    private static string? DefaultText(JsonElement raw) => raw.ValueKind switch
    {
        JsonValueKind.String => raw.GetString(),
        JsonValueKind.Number => raw.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>CONTRACT-5: two entries may not fill the same column, except the exempt kinds.</summary>
    private void CheckDuplicateColumns(List<MappingEntry> entries)
    {
        var seen = new Dictionary<(string, string), MappingEntry>();
        foreach (var entry in entries)
        {
            if (entry.TargetColumn.Length == 0 || entry.Tokens.Any(IsRowCreating)
                || entry.Has(MappingTokenKind.LastValidPrimary | MappingTokenKind.LastValidSecondary)) continue;
            var key = (entry.TargetTable, entry.TargetColumn);
            if (seen.TryGetValue(key, out var first))
                _sink.Error("CONTRACT-5", entry.ToString(), $"fills the same column as {first}");
            else seen[key] = entry;
        }
    }
}

using XmlShred.Values;

namespace XmlShred.Contract;

internal sealed partial class ContractCompiler
{
    /// <summary>Warnings: contract content that loads but probably does not do what its author meant.</summary>
    private void WarnAboutContent(List<MappingEntry> entries, List<TablePlan> tables)
    {
        var order = _doc.TableInsertionOrder ?? [];
        foreach (var entry in entries)
        {
            var at = entry.ToString();
            if (entry.ExpressionText is not null && !entry.Has(MappingTokenKind.CalculatedField))
                _sink.Warning("expression-unused", at, "has an expression but no calculated_field mapping type, so the expression is never evaluated");
            if (entry.Has(MappingTokenKind.CalculatedField) && string.IsNullOrWhiteSpace(entry.ExpressionText))
                _sink.Warning("expression-missing", at, "is a calculated_field without an expression: it is always null");
            foreach (var token in entry.Tokens)
            {
                if (token.Kind == MappingTokenKind.Unknown)
                    _sink.Warning("unknown-mapping-type", at, $"mapping type '{token}' is unknown; it only converts the value to {entry.DataTypeName}");
            }
            if (entry.EnumName is not null && _doc.EnumMappings?.ContainsKey(entry.EnumName) == false)
                _sink.Warning("enum-missing", at, $"enum_name '{entry.EnumName}' names no map in enum_mappings");
            if (entry.Has(MappingTokenKind.Enum) && entry.EnumMap is null)
                _sink.Warning("enum-empty", at, "its enum map is empty, so the column is never set");
            if (!entry.Nullable && entry.DefaultText is null && !entry.Tokens.Any(IsRowCreating) && entry.TargetColumn is not ("app_id" or "con_id"))
                _sink.Warning("not-null-without-default", at, "is NOT NULL without a default_value: when the value is missing the column is omitted (DEFAULT-2)");
            if (entry.DataType == DataType.Other)
                _sink.Warning("data-type", at, $"data_type '{entry.DataTypeName}' is not a known type; values are written as text");
        }
        foreach (var (name, map) in _doc.EnumMappings ?? [])
        {
            if (map.ValueKind == System.Text.Json.JsonValueKind.Object && !map.EnumerateObject().Any())
                _sink.Warning("enum-empty", $"enum_mappings.{name}", "is an empty map: it counts as no map");
        }
        foreach (var table in tables)
        {
            if (!order.Contains(table.Name))
                _sink.Warning("insertion-order", table.Name, "is not listed in table_insertion_order: it is written after the listed tables, alphabetically");
        }
        foreach (var listed in order)
        {
            if (listed != ProcessingLog && tables.All(t => t.Name != listed))
                _sink.Warning("insertion-order", listed, "is listed in table_insertion_order but no mapping fills it");
        }
    }
}

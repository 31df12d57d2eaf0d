using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>Resolves, transforms and includes one entry (READ-1 to READ-6, CHAIN-1, CHAIN-2, DEFAULT-1, DEFAULT-2).</summary>
internal static class EntryEvaluator
{
    public static ColumnValue Evaluate(MappingEntry entry, TablePlan table, in Scope scope, DocumentState state)
    {
        var input = ValueResolver.Resolve(entry, table, scope, state);
        var value = Transform(entry, input, scope, state, out var defaultSupplied);
        return Include(entry, input, value, defaultSupplied, state, table);
    }

    /// <summary>
    /// CHAIN-1, CHAIN-2: the plain conversion when the entry has no mapping type (row-creating tokens do not count, KV-7),
    /// else the chain; then string post-processing.
    /// </summary>
    public static object? Transform(MappingEntry entry, object? input, in Scope scope, DocumentState state, out bool defaultSupplied)
    {
        defaultSupplied = false;
        var value = entry.IsPlain
            ? TransformPlain(input, entry)
            : ValueChain.Run(entry, input, scope, state, ref defaultSupplied);
        return value is string text ? ValueConversion.PostProcess(text, entry, entry.Has(MappingTokenKind.NumbersOnly)) : value;
    }

    /// <summary>CHAIN-1: blank → typed default; otherwise the column type's conversion.</summary>
    private static object? TransformPlain(object? input, MappingEntry entry)
    {
        if (input is not string text || string.IsNullOrWhiteSpace(text)) return input is decimal ? input : entry.TypedDefault;
        return ValueConversion.Plain(text, entry);
    }

    /// <summary>DEFAULT-2 and the applied-default test (DEFAULT-3).</summary>
    private static ColumnValue Include(MappingEntry entry, object? input, object? value, bool defaultSupplied, DocumentState state, TablePlan table)
    {
        if (value is null)
        {
            if (entry.Nullable) return ColumnValue.Omitted;
            if (entry.DefaultText is null)
            {
                state.Warnings.Add($"Required column '{entry.TargetColumn}' in table '{table.Name}' has no value and no default_value");
                return ColumnValue.Omitted;
            }
            return new ColumnValue(true, entry.TypedDefault ?? entry.DefaultText, true);
        }
        var isDefault = defaultSupplied
            || (input != Markers.Calc && ValueText.IsBlank(input) && entry.TypedDefault is not null && Equals(value, entry.TypedDefault));
        return new ColumnValue(true, value, isDefault);
    }
}

using System.Globalization;
using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>Builders whose rows are numbered slots: policy exceptions (KV-6), warranties (KV-7), collateral (KV-8).</summary>
internal static class SlotBuilders
{
    /// <summary>The collateral column that only counts as real data when it is a positive number (KV-8).</summary>
    private const string ValueColumnNeedingPositive = "wholesale_value";

    public static List<Row> PolicyExceptions(TablePlan table, DocumentState state)
    {
        var rows = new List<Row>();
        string? notes = null;
        foreach (var entry in table.Entries)
        {
            var token = entry.FindToken(MappingTokenKind.PolicyExceptions);
            if (token is null || !string.IsNullOrEmpty(token.Parameter)) continue;
            var value = Text(ValueResolver.Resolve(entry, table, Scope.None, state));
            notes = ContactExtractors.IsMeaningfulText(value) ? value!.Trim() : null;
            break;
        }
        foreach (var entry in table.Entries)
        {
            var token = entry.FindToken(MappingTokenKind.PolicyExceptions);
            if (token is null || string.IsNullOrEmpty(token.Parameter)) continue;
            var value = Text(ValueResolver.Resolve(entry, table, Scope.None, state));
            if (!ContactExtractors.IsMeaningfulText(value)) continue;
            if (!long.TryParse(token.Parameter, NumberStyles.None, CultureInfo.InvariantCulture, out var type))
            {
                state.Warnings.Add($"policy_exceptions({token.Parameter}) of {entry} is not an integer type code; skipped");
                continue;
            }
            var row = new Row();
            row.Set(BuilderColumns.AppId, state.AppId);
            row.Set(BuilderColumns.PolicyExceptionType, type);
            row.Set(BuilderColumns.ReasonCode, value!.Trim());
            row.Set(BuilderColumns.Notes, notes);
            rows.Add(row);
        }
        return rows;
    }

    public static List<Row> Warranties(TablePlan table, DocumentState state)
    {
        var rows = new List<Row>();
        foreach (var (parameter, entries) in Slots(table, MappingTokenKind.WarrantyField))
        {
            if (!long.TryParse(parameter, NumberStyles.None, CultureInfo.InvariantCulture, out var type)) continue;
            var row = new Row { SlotEntries = entries };
            var meaningful = false;
            foreach (var entry in entries)
            {
                meaningful |= SetSlotColumn(row, entry, table, state) is not null;
            }
            if (!meaningful) continue;
            row.Set(BuilderColumns.AppId, state.AppId);
            row.Set(BuilderColumns.WarrantyType, type);
            // KV-7: a flag column another warranty type fills (char_to_bit) is 0 on rows without it.
            foreach (var flag in table.Entries)
            {
                if (flag.Has(MappingTokenKind.CharToBit) && flag.TargetColumn.Length > 0 && !row.Has(flag.TargetColumn)) row.Set(flag.TargetColumn, 0L, flag);
            }
            rows.Add(row);
        }
        return rows;
    }

    public static List<Row> Collateral(TablePlan table, DocumentState state)
    {
        var rows = new List<Row>();
        var scope = Scope.ForApplication(state.ApplicationContext);
        foreach (var (parameter, entries) in Slots(table, MappingTokenKind.AddCollateral))
        {
            var row = new Row { SlotEntries = entries };
            var meaningful = false;
            foreach (var entry in entries)
            {
                if (entry.Has(MappingTokenKind.CalculatedField))
                {
                    var calculated = EntryEvaluator.Transform(entry, Markers.Calc, scope, state, out _);
                    if (calculated is not null) row.Set(entry.TargetColumn, calculated, entry);
                    continue;
                }
                var converted = SetSlotColumn(row, entry, table, state);
                if (converted is not null && (entry.TargetColumn != ValueColumnNeedingPositive || converted is decimal and > 0 || converted is long and > 0)) meaningful = true;
            }
            if (!meaningful) continue;
            row.Set(BuilderColumns.AppId, state.AppId);
            row.Set(BuilderColumns.SortOrder, long.TryParse(parameter, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var slot) ? slot : 0L);
            foreach (var entry in entries)
            {
                if (entry.TargetColumn.Length > 0 && !row.Has(entry.TargetColumn) && entry.TypedDefault is not null)
                    row.Set(entry.TargetColumn, entry.TypedDefault, entry, isDefault: true);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// One slot entry (KV-7, KV-8): a char_to_bit flag is always set and never makes the slot real (returns null);
    /// otherwise a meaningful value converted like any column is set and returned.
    /// </summary>
    private static object? SetSlotColumn(Row row, MappingEntry entry, TablePlan table, DocumentState state)
    {
        var value = ValueResolver.Resolve(entry, table, Scope.None, state);
        if (entry.Has(MappingTokenKind.CharToBit))
        {
            row.Set(entry.TargetColumn, ValueChain.CharToBit(state, value), entry);
            return null;
        }
        if (!ContactExtractors.IsMeaningfulText(Text(value))) return null;
        var converted = EntryEvaluator.Transform(entry, value, Scope.None, state, out _);
        if (converted is not null) row.Set(entry.TargetColumn, converted, entry);
        return converted;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TablePlan, List<(string, List<MappingEntry>)>> s_slots = new();

    /// <summary>Entries grouped by their token's parameter, in first-appearance order (computed once per table).</summary>
    private static List<(string Parameter, List<MappingEntry> Entries)> Slots(TablePlan table, MappingTokenKind token) =>
        s_slots.GetValue(table, t => GroupSlots(t, token));

    private static List<(string Parameter, List<MappingEntry> Entries)> GroupSlots(TablePlan table, MappingTokenKind token)
    {
        var slots = new List<(string, List<MappingEntry>)>();
        foreach (var entry in table.Entries)
        {
            var parameter = entry.FindToken(token)?.Parameter;
            if (parameter is null) continue;
            var index = slots.FindIndex(s => s.Item1 == parameter);
            if (index < 0) slots.Add((parameter, [entry]));
            else slots[index].Item2.Add(entry);
        }
        return slots;
    }

    private static string? Text(object? value) => value is null ? null : ValueText.ToText(value);
}

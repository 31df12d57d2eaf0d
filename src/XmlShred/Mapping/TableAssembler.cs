using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>Turns built rows into a <see cref="MappedTable"/>: in-document key rules, column completion (ROW-4), column union (OUTPUT-4).</summary>
internal static class TableAssembler
{
    public static MappedTable Assemble(TablePlan table, List<Row> rows)
    {
        if (table.Kind.IsInsertIfAbsent()) rows = KeepFirstPerKey(table, rows);
        else if (table.Kind.IsUpsert()) rows = KeepLastValuePerKey(table, rows);

        // Which plan columns some row set, in first-set order (the rest are left to the database default).
        var present = new List<int>(table.Columns.Count);
        var isPresent = new bool[table.Columns.Count];
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                var at = OrdinalOf(table, cell.Column);
                if (!isPresent[at])
                {
                    isPresent[at] = true;
                    present.Add(at);
                }
            }
        }
        var values = new List<object?[]>(rows.Count);
        var set = rows.Count > 1 ? new bool[table.Columns.Count] : null;
        foreach (var row in rows)
        {
            var array = new object?[table.Columns.Count];
            if (set is not null) Array.Clear(set);
            foreach (var cell in row.Cells)
            {
                var at = OrdinalOf(table, cell.Column);
                array[at] = ColumnFit.Fit(table.Name, table.Columns[at], cell.Value);
                if (set is not null) set[at] = true;
            }
            if (set is not null)
            {
                foreach (var at in present)
                {
                    if (!set[at]) array[at] = ColumnFit.Fit(table.Name, table.Columns[at], CompletionValue(table, row, table.Columns[at].Name));
                }
            }
            values.Add(array);
        }
        return new MappedTable(table, present.ToArray(), values);
    }

    private static int OrdinalOf(TablePlan table, string column)
    {
        var at = table.Ordinal(column);
        return at >= 0 ? at : throw new InvalidOperationException($"{table.Name} has no column '{column}' in its plan");
    }

    /// <summary>ROW-4: the typed default of the entry producing the column, unless that entry is flagged.</summary>
    private static object? CompletionValue(TablePlan table, Row row, string column)
    {
        var entries = row.SlotEntries ?? table.Entries;
        foreach (var entry in entries)
        {
            if (entry.TargetColumn != column) continue;
            return entry.ExcludeDefaultWhenRecordEmpty ? null : entry.TypedDefault;
        }
        return null;
    }

    /// <summary>OUTPUT-6: within one application only the first row per key is inserted (when the key is complete).</summary>
    private static List<Row> KeepFirstPerKey(TablePlan table, List<Row> rows)
    {
        // Address/employment rows are keyed by (con_id, type); without a mapped type column there is no such key.
        if (rows.Count < 2 || (table.Kind is TableKind.Address or TableKind.Employment && table.KeyColumns.Count < 2)) return rows;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<Row>(rows.Count);
        foreach (var row in rows)
        {
            var key = KeyOf(table, row);
            if (key is null || seen.Add(key)) kept.Add(row);
        }
        return kept;
    }

    /// <summary>OUTPUT-6 upserts within one application: the first row per key stays, carrying the last row's values.</summary>
    private static List<Row> KeepLastValuePerKey(TablePlan table, List<Row> rows)
    {
        if (rows.Count < 2) return rows;
        var byKey = new Dictionary<string, Row>(StringComparer.Ordinal);
        var kept = new List<Row>(rows.Count);
        foreach (var row in rows)
        {
            var key = KeyOf(table, row);
            if (key is null) { kept.Add(row); continue; }
            if (byKey.TryGetValue(key, out var first))
            {
                foreach (var cell in row.Cells) first.Set(cell.Column, cell.Value, cell.Entry, cell.IsDefault);
            }
            else
            {
                byKey[key] = row;
                kept.Add(row);
            }
        }
        return kept;
    }

    private static string? KeyOf(TablePlan table, Row row)
    {
        var parts = new string[table.KeyColumns.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var value = row.Get(table.KeyColumns[i]);
            if (ValueText.IsBlank(value)) return null;
            parts[i] = ValueText.ToText(value!);
        }
        return string.Join('\u001F', parts);
    }
}

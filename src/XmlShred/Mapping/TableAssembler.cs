using XmlShred.Contract;

namespace XmlShred.Mapping;

/// <summary>Turns built rows into a <see cref="MappedTable"/>: in-document key rules, column completion (ROW-4), column union (OUTPUT-4).</summary>
internal static class TableAssembler
{
    public static MappedTable Assemble(TablePlan table, List<Row> rows)
    {
        if (table.Kind.IsInsertIfAbsent()) rows = KeepFirstPerKey(table, rows);
        else if (table.Kind.IsUpsert()) rows = KeepLastValuePerKey(table, rows);

        var columns = new List<string>(table.Columns.Count);
        var ordinals = new Dictionary<string, int>(table.Columns.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                if (ordinals.TryAdd(cell.Column, columns.Count)) columns.Add(cell.Column);
            }
        }
        var values = new List<object?[]>(rows.Count);
        foreach (var row in rows)
        {
            var array = new object?[columns.Count];
            var present = rows.Count > 1 ? new bool[columns.Count] : null;
            foreach (var cell in row.Cells)
            {
                var at = ordinals[cell.Column];
                array[at] = cell.Value;
                if (present is not null) present[at] = true;
            }
            if (present is not null)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (!present[c]) array[c] = CompletionValue(table, row, columns[c]);
                }
            }
            values.Add(array);
        }
        return new MappedTable(table, columns, values);
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
            if (ValueConversion.IsBlank(value)) return null;
            parts[i] = ValueConversion.ToText(value!);
        }
        return string.Join('\u001F', parts);
    }
}

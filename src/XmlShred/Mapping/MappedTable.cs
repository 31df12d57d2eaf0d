using XmlShred.Contract;

namespace XmlShred.Mapping;

/// <summary>
/// The rows one document produced for one table. Every row is shaped by the table's plan: one slot per
/// <see cref="TablePlan.Columns"/> entry, by ordinal. Values are already fitted to their column: <see cref="long"/>
/// (integers, enum codes, bits) within the column type's range, <see cref="decimal"/> at the column's scale (also for
/// float columns), <see cref="string"/> within the column's length, <see cref="DateTime"/> (naive), or null.
/// </summary>
public sealed class MappedTable
{
    /// <summary>Rows given in the order of <paramref name="columns"/> (a subset of the plan's columns), reshaped to the plan.</summary>
    /// <exception cref="ArgumentException">A column the plan does not have.</exception>
    public MappedTable(TablePlan plan, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        var present = new int[columns.Count];
        for (var i = 0; i < present.Length; i++)
        {
            present[i] = plan.Ordinal(columns[i]);
            if (present[i] < 0) throw new ArgumentException($"table {plan.Name} has no column '{columns[i]}'", nameof(columns));
        }
        var shaped = new List<object?[]>(rows.Count);
        foreach (var row in rows)
        {
            var full = new object?[plan.Columns.Count];
            for (var i = 0; i < present.Length && i < row.Length; i++) full[present[i]] = row[i];
            shaped.Add(full);
        }
        Plan = plan;
        Present = present;
        Rows = shaped;
    }

    internal MappedTable(TablePlan plan, int[] present, IReadOnlyList<object?[]> rows)
    {
        Plan = plan;
        Present = present;
        Rows = rows;
    }

    public TablePlan Plan { get; }
    public string Name => Plan.Name;

    /// <summary>
    /// Ordinals of the columns some row of this document set, in first-set order. A column outside this set is left
    /// out of the insert, so the database default applies.
    /// </summary>
    public IReadOnlyList<int> Present { get; }

    /// <summary>Names of the <see cref="Present"/> columns, in the same order.</summary>
    public IReadOnlyList<string> Columns => _columns ??= Present.Select(o => Plan.Columns[o].Name).ToArray();

    private string[]? _columns;

    /// <summary>Rows, each <c>Plan.Columns.Count</c> wide.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The slot of <paramref name="column"/> in every row (its plan ordinal), or −1 when no row set it.</summary>
    public int IndexOf(string column) => Plan.Ordinal(column) is >= 0 and var o && Present.Contains(o) ? o : -1;

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/>; null when the table has no such column.</summary>
    public object? Value(object?[] row, string column) => Plan.Ordinal(column) is >= 0 and var i ? row[i] : null;
}

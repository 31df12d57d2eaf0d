using XmlShred.Contract;

namespace XmlShred.Mapping;

/// <summary>
/// The rows one document produced for one table. Every row has a slot for every column (OUTPUT-4);
/// values are <see cref="long"/> (integers, enum codes, bits), <see cref="decimal"/> (carrying the column's scale),
/// <see cref="string"/>, <see cref="DateTime"/> (naive), or null. An empty string is written as NULL.
/// </summary>
public sealed class MappedTable
{
    public MappedTable(TablePlan plan, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        Plan = plan;
        Columns = columns;
        Rows = rows;
    }

    public TablePlan Plan { get; }
    public string Name => Plan.Name;
    /// <summary>The union of the rows' columns in first-seen order.</summary>
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<object?[]> Rows { get; }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column) return i;
        }
        return -1;
    }
}

using XmlShred.Contract;
using XmlShred.Mapping;

namespace XmlShred.Storage;

/// <summary>
/// The rows of one table within a batch that are written with one column list (one COPY / bulk copy).
/// </summary>
public sealed class TableRowGroup
{
    public TableRowGroup(TablePlan plan, IReadOnlyList<string> columns)
    {
        Plan = plan;
        Columns = columns;
        Specs = columns.Select(c => TargetRelations.SpecOf(plan, c)).ToArray();
    }

    public TablePlan Plan { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<ColumnSpec> Specs { get; }
    /// <summary>Rows in batch order (application order, then row order): "first" and "last" refer to this order.</summary>
    public List<object?[]> Rows { get; } = [];
}

/// <summary>
/// Splits a batch into as few row groups as OUTPUT-4 allows, table by table in write order. Applications fill different
/// columns of a table (a column in no row of an application is left out so the database default applies), and one
/// statement per distinct column list costs hundreds of round trips per batch. So rows are padded to the union of
/// the batch's columns, except where padding would change what is stored:
/// <list type="bullet">
/// <item>a column with a database default stays out of rows that lack it (rows are grouped by which defaulted columns they carry);</item>
/// <item>upsert tables keep each exact column list, because an update sets only the columns the row has (OUTPUT-6).</item>
/// </list>
/// </summary>
public static class BatchTableGroups
{
    /// <param name="hasDefault">Whether the target column (table, column) has a default, identity or generated value.</param>
    public static IReadOnlyList<TableRowGroup> Build(CompiledContract contract, IReadOnlyList<ApplicationWrite> batch, Func<string, string, bool> hasDefault)
    {
        var groups = new List<TableRowGroup>();
        foreach (var plan in contract.Tables)
        {
            var tables = new List<MappedTable>();
            foreach (var write in batch)
            {
                foreach (var table in write.Result.Tables)
                {
                    if (table.Name == plan.Name && table.Rows.Count > 0) tables.Add(table);
                }
            }
            if (tables.Count > 0) groups.AddRange(plan.Kind.IsUpsert() ? ByExactColumns(tables) : Padded(plan, tables, hasDefault));
        }
        return groups;
    }

    private static List<TableRowGroup> ByExactColumns(List<MappedTable> tables)
    {
        var groups = new Dictionary<string, TableRowGroup>(StringComparer.Ordinal);
        var ordered = new List<TableRowGroup>();
        foreach (var table in tables)
        {
            var signature = string.Join('\u001f', table.Columns);
            if (!groups.TryGetValue(signature, out var group))
            {
                group = new TableRowGroup(table.Plan, table.Columns);
                groups.Add(signature, group);
                ordered.Add(group);
            }
            group.Rows.AddRange(table.Rows);
        }
        return ordered;
    }

    private static List<TableRowGroup> Padded(TablePlan plan, List<MappedTable> tables, Func<string, string, bool> hasDefault)
    {
        var union = new List<string>();
        foreach (var table in tables)
        {
            foreach (var column in table.Columns)
            {
                if (!union.Contains(column)) union.Add(column);
            }
        }
        var groups = new Dictionary<string, TableRowGroup>(StringComparer.Ordinal);
        var ordered = new List<TableRowGroup>();
        foreach (var table in tables)
        {
            // The union, less the defaulted columns this application did not fill.
            var columns = union.Where(c => table.IndexOf(c) >= 0 || !hasDefault(plan.Name, c)).ToList();
            var signature = string.Join('\u001f', columns);
            if (!groups.TryGetValue(signature, out var group))
            {
                group = new TableRowGroup(table.Plan, columns);
                groups.Add(signature, group);
                ordered.Add(group);
            }
            var source = columns.Select(table.IndexOf).ToArray();
            foreach (var row in table.Rows)
            {
                var padded = new object?[source.Length];
                for (var i = 0; i < source.Length; i++) padded[i] = source[i] >= 0 && source[i] < row.Length ? row[source[i]] : null;
                group.Rows.Add(padded);
            }
        }
        return ordered;
    }
}

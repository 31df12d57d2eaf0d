using XmlShred.Contract;
using XmlShred.Mapping;

namespace XmlShred.Storage;

/// <summary>
/// The rows of one table within a batch that are written with one column list (one COPY / bulk copy). Rows are the
/// mapper's own arrays, shaped by the table's plan; <see cref="Ordinals"/> says which of their slots are written.
/// </summary>
internal sealed class TableRowGroup
{
    public TableRowGroup(TablePlan plan, IReadOnlyList<int> ordinals)
    {
        Plan = plan;
        Ordinals = ordinals;
        Columns = ordinals.Select(o => plan.Columns[o].Name).ToArray();
        Specs = ordinals.Select(o => plan.Columns[o]).ToArray();
    }

    /// <summary>A group over the named plan columns.</summary>
    public TableRowGroup(TablePlan plan, IReadOnlyList<string> columns)
        : this(plan, columns.Select(c => plan.Ordinal(c) is >= 0 and var o ? o : throw new ArgumentException($"{plan.Name} has no column '{c}'", nameof(columns))).ToArray())
    {
    }

    public TablePlan Plan { get; }
    /// <summary>Plan ordinals of the written columns, in column-list order.</summary>
    public IReadOnlyList<int> Ordinals { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<ColumnSpec> Specs { get; }
    /// <summary>Rows in batch order (application order, then row order), each <c>Plan.Columns.Count</c> wide.</summary>
    public List<object?[]> Rows { get; } = [];

    /// <summary>Adds a row given in column-list order (tests and loaders that build rows by hand).</summary>
    public void AddInColumnOrder(params object?[] values)
    {
        var row = new object?[Plan.Columns.Count];
        for (var i = 0; i < Ordinals.Count && i < values.Length; i++) row[Ordinals[i]] = values[i];
        Rows.Add(row);
    }

    /// <summary>The value of written column <paramref name="index"/> in <paramref name="row"/>.</summary>
    public object? ValueAt(object?[] row, int index) => row[Ordinals[index]];

    /// <summary>
    /// Insert-if-absent and upsert tables whose key columns all arrive here go through a staging table, so one
    /// statement can keep the first (or last) row per key of the batch and skip (or update) existing keys.
    /// </summary>
    public bool NeedsStage =>
        (Plan.Kind.IsInsertIfAbsent() || Plan.Kind.IsUpsert()) && Plan.KeyColumns.Count > 0 && Plan.KeyColumns.All(Columns.Contains);
}

/// <summary>
/// Splits a batch into as few row groups as OUTPUT-4 allows, table by table in write order. Applications fill different
/// columns of a table (a column in no row of an application is left out so the database default applies), and one
/// statement per distinct column list costs hundreds of round trips per batch. So groups take the union of the
/// batch's columns (the rows already hold null there), except where that would change what is stored:
/// <list type="bullet">
/// <item>a column with a database default stays out of rows that lack it (rows are grouped by which defaulted columns they carry);</item>
/// <item>upsert tables keep each exact column list, because an update sets only the columns the row has (OUTPUT-6).</item>
/// </list>
/// </summary>
internal static class BatchTableGroups
{
    /// <param name="hasDefault">Whether the target column (table, column) has a default, identity or generated value.</param>
    public static IReadOnlyList<TableRowGroup> Build(CompiledContract contract, IReadOnlyList<ApplicationWrite> batch, Func<string, string, bool> hasDefault)
    {
        var groups = new List<TableRowGroup>();
        var tables = new List<MappedTable>();
        foreach (var plan in contract.Tables)
        {
            tables.Clear();
            foreach (var write in batch)
            {
                foreach (var table in write.Result.Tables)
                {
                    // By name: the mapper may hold its own compilation of the same contract.
                    if (table.Name != plan.Name || table.Rows.Count == 0) continue;
                    if (table.Plan.Columns.Count != plan.Columns.Count)
                        throw new InvalidOperationException($"{plan.Name}: the rows were mapped with a different contract than the writer's");
                    tables.Add(table);
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
        foreach (var table in tables) Group(groups, ordered, table.Plan, table.Present).Rows.AddRange(table.Rows);
        return ordered;
    }

    private static List<TableRowGroup> Padded(TablePlan plan, List<MappedTable> tables, Func<string, string, bool> hasDefault)
    {
        var union = new List<int>();
        var inUnion = new bool[plan.Columns.Count];
        foreach (var table in tables)
        {
            foreach (var ordinal in table.Present)
            {
                if (inUnion[ordinal]) continue;
                inUnion[ordinal] = true;
                union.Add(ordinal);
            }
        }
        var defaulted = union.Select(o => hasDefault(plan.Name, plan.Columns[o].Name)).ToArray();
        var groups = new Dictionary<string, TableRowGroup>(StringComparer.Ordinal);
        var ordered = new List<TableRowGroup>();
        var present = new bool[plan.Columns.Count];
        foreach (var table in tables)
        {
            Array.Clear(present);
            foreach (var ordinal in table.Present) present[ordinal] = true;
            // The union, less the defaulted columns this application did not fill.
            var ordinals = union.Where((o, i) => present[o] || !defaulted[i]).ToArray();
            Group(groups, ordered, plan, ordinals).Rows.AddRange(table.Rows);
        }
        return ordered;
    }

    private static TableRowGroup Group(Dictionary<string, TableRowGroup> groups, List<TableRowGroup> ordered, TablePlan plan, IReadOnlyList<int> ordinals)
    {
        var signature = string.Join(',', ordinals);
        if (!groups.TryGetValue(signature, out var group))
        {
            group = new TableRowGroup(plan, ordinals);
            groups.Add(signature, group);
            ordered.Add(group);
        }
        return group;
    }
}

using XmlShred.Contract;
using XmlShred.Mapping;

namespace XmlShred.Storage;

/// <summary>
/// The rows of one table within a batch that share one column list. Applications may fill different columns of a
/// table (§11.4: a column in no row is left out so the database default applies), so each column list is written
/// on its own rather than padding missing columns with NULL.
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

public static class BatchTableGroups
{
    /// <summary>Groups a batch's rows by table in the contract's write order, then by column list in first-seen order.</summary>
    public static IReadOnlyList<TableRowGroup> Build(CompiledContract contract, IReadOnlyList<ApplicationWrite> batch)
    {
        var groups = new List<TableRowGroup>();
        foreach (var plan in contract.Tables)
        {
            var byColumns = new Dictionary<string, TableRowGroup>(StringComparer.Ordinal);
            foreach (var write in batch)
            {
                foreach (var table in write.Result.Tables)
                {
                    if (table.Name != plan.Name || table.Rows.Count == 0) continue;
                    var signature = string.Join('\u001f', table.Columns);
                    if (!byColumns.TryGetValue(signature, out var group))
                    {
                        group = new TableRowGroup(table.Plan, table.Columns);
                        byColumns.Add(signature, group);
                        groups.Add(group);
                    }
                    group.Rows.AddRange(table.Rows);
                }
            }
        }
        return groups;
    }
}

using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage;

/// <summary>
/// The foreign keys every relational target creates (OUTPUT-3): the root table is the contract's application table;
/// tables carrying app_id reference it, and address/employment rows reference the contact table by con_id.
/// </summary>
internal static class TargetRelations
{
    public static TablePlan Root(CompiledContract contract) => contract.RootTable;

    /// <summary>(parent table, column) this table's rows must reference, or null for the root and for unkeyed tables.</summary>
    public static (string Parent, string Column)? ParentOf(CompiledContract contract, TablePlan table)
    {
        var root = Root(contract);
        if (table.Name == root.Name) return null;
        if (table.Kind is TableKind.Address or TableKind.Employment)
        {
            var parent = table.ParentTable ?? contract.ContactTable?.Name;
            return parent is null ? null : (parent, BuilderColumns.ConId);
        }
        if (table.HasAppId && root.KeyColumns.Count == 1 && root.KeyColumns[0] == BuilderColumns.AppId
            && table.Columns.Any(c => c.Name == BuilderColumns.AppId))
            return (root.Name, BuilderColumns.AppId);
        return null;
    }

    /// <summary>Column spec by name; a column the plan does not know is written as text.</summary>
    public static ColumnSpec SpecOf(TablePlan table, string column)
    {
        foreach (var spec in table.Columns)
        {
            if (spec.Name == column) return spec;
        }
        return new ColumnSpec(column, DataType.String, -1, false);
    }
}

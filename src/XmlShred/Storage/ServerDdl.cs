using System.Text;
using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// The CREATE TABLE of a target table for the server dialects: every column (keys NOT NULL), the primary key, and the
/// foreign key of <see cref="TargetRelations.ParentOf"/>.
/// </summary>
public static class ServerDdl
{
    public static string TableBody(ISqlDialect dialect, CompiledContract contract, TablePlan table)
    {
        var sql = new StringBuilder("(\n");
        foreach (var column in table.Columns)
        {
            var isKey = column.IsKey || table.KeyColumns.Contains(column.Name);
            sql.Append("  ").Append(dialect.Quote(column.Name)).Append(' ').Append(dialect.SqlType(column)).Append(isKey ? " NOT NULL" : " NULL").Append(",\n");
        }
        sql.Append("  PRIMARY KEY (").AppendJoin(", ", table.KeyColumns.Select(dialect.Quote)).Append(')');
        if (TargetRelations.ParentOf(contract, table) is var (parent, fkColumn))
        {
            sql.Append(",\n  FOREIGN KEY (").Append(dialect.Quote(fkColumn)).Append(") REFERENCES ")
               .Append(dialect.Qualified(contract.TargetSchema, parent)).Append(" (").Append(dialect.Quote(fkColumn)).Append(") ON DELETE CASCADE");
        }
        return sql.Append("\n)").ToString();
    }
}

using System.Text;
using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// Idempotent DDL of the server dialects for a contract: the target schema, target tables in write order (keys NOT
/// NULL, the primary key, the foreign key of <see cref="TargetRelations.ParentOf"/>), processing_log with its unique app_id
/// index (and the clean-up of older databases' duplicate rows), and the source table. Ids are written explicitly, so target tables have no identity columns.
/// </summary>
internal static class ServerDdl
{
    public static IReadOnlyList<string> For(IServerDialect dialect, CompiledContract contract)
    {
        var schema = contract.TargetSchema;
        var statements = new List<string> { dialect.CreateSchemaIfMissing(schema) };
        foreach (var table in contract.Tables) statements.Add(dialect.CreateTableIfMissing(schema, table.Name, TableBody(dialect, contract, table)));
        statements.Add(dialect.CreateTableIfMissing(schema, contract.ProcessingLogTable, ProcessingLogSchema.CreateTableBody(dialect)));
        statements.AddRange(dialect.OneLogRowPerApplication(schema, contract.ProcessingLogTable));
        statements.Add(dialect.CreateTableIfMissing(schema, contract.SourceTable, dialect.SourceTableBody(dialect.Quote(contract.SourceColumn))));
        return statements;
    }

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

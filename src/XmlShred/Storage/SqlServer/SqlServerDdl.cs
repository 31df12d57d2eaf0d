using System.Text;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// Idempotent T-SQL DDL: the contract's target_schema, target tables in write order (PKs from the key columns,
/// FKs to the root and contact tables), processing_log and the source table. Ids are written explicitly, so no IDENTITY.
/// </summary>
internal static class SqlServerDdl
{
    public static IReadOnlyList<string> For(CompiledContract contract)
    {
        var schema = contract.TargetSchema;
        var statements = new List<string>
        {
            $"IF SCHEMA_ID(N'{schema}') IS NULL EXEC(N'CREATE SCHEMA {SqlServerTypes.Quote(schema)}')",
        };
        foreach (var table in contract.Tables)
        {
            statements.Add(CreateTable(contract, table));
        }
        var log = contract.ProcessingLogTable;
        statements.Add(IfMissing(schema, log, $"""
            CREATE TABLE {SqlServerTypes.Qualified(schema, log)} (
              log_id bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
              app_id bigint NOT NULL,
              status varchar(20) NOT NULL,
              stage varchar(40) NULL,
              failure_reason nvarchar(500) NULL,
              processing_time datetime2(7) NOT NULL DEFAULT SYSUTCDATETIME(),
              session_id varchar(50) NULL,
              run_id varchar(64) NULL,
              contract_hash varchar(64) NULL,
              app_id_start bigint NULL,
              app_id_end bigint NULL,
              duration_ms float NULL
            )
            """));
        var index = SqlServerTypes.Quote("IX_" + log + "_app_id");
        statements.Add($"IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_{log}_app_id' AND object_id = OBJECT_ID({SqlServerTypes.NameLiteral(schema, log)})) CREATE INDEX {index} ON {SqlServerTypes.Qualified(schema, log)} (app_id)");
        statements.Add(IfMissing(schema, contract.SourceTable,
            $"CREATE TABLE {SqlServerTypes.Qualified(schema, contract.SourceTable)} (app_id bigint NOT NULL PRIMARY KEY, {SqlServerTypes.Quote(contract.SourceColumn)} nvarchar(max) NULL)"));
        return statements;
    }

    private static string IfMissing(string schema, string table, string create) =>
        $"IF OBJECT_ID({SqlServerTypes.NameLiteral(schema, table)}, N'U') IS NULL\n{create}";

    private static string CreateTable(CompiledContract contract, TablePlan table)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(SqlServerTypes.Qualified(contract.TargetSchema, table.Name)).Append(" (\n");
        foreach (var column in table.Columns)
        {
            var isKey = column.IsKey || table.KeyColumns.Contains(column.Name);
            sql.Append("  ").Append(SqlServerTypes.Quote(column.Name)).Append(' ').Append(SqlServerTypes.SqlType(column)).Append(isKey ? " NOT NULL" : " NULL").Append(",\n");
        }
        sql.Append("  PRIMARY KEY (").Append(string.Join(", ", table.KeyColumns.Select(SqlServerTypes.Quote))).Append(')');
        if (TargetRelations.ParentOf(contract, table) is var (parent, fkColumn))
        {
            sql.Append(",\n  FOREIGN KEY (").Append(SqlServerTypes.Quote(fkColumn)).Append(") REFERENCES ")
               .Append(SqlServerTypes.Qualified(contract.TargetSchema, parent)).Append(" (").Append(SqlServerTypes.Quote(fkColumn)).Append(") ON DELETE CASCADE");
        }
        sql.Append("\n)");
        return IfMissing(contract.TargetSchema, table.Name, sql.ToString());
    }
}

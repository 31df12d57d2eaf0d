using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// Idempotent T-SQL DDL: the contract's target_schema, target tables in write order (PKs from the key columns,
/// FKs to the root and contact tables), processing_log and the source table. Ids are written explicitly, so no IDENTITY.
/// </summary>
internal static class SqlServerDdl
{
    private static readonly SqlServerDialect s_dialect = SqlServerDialect.Instance;

    public static IReadOnlyList<string> For(CompiledContract contract)
    {
        var schema = contract.TargetSchema;
        var statements = new List<string>
        {
            $"IF SCHEMA_ID(N'{schema}') IS NULL EXEC(N'CREATE SCHEMA {s_dialect.Quote(schema)}')",
        };
        foreach (var table in contract.Tables)
        {
            statements.Add(CreateIfMissing(schema, table.Name, ServerDdl.TableBody(s_dialect, contract, table)));
        }
        var log = contract.ProcessingLogTable;
        statements.Add(CreateIfMissing(schema, log, ProcessingLogSchema.CreateTableBody(s_dialect)));
        var index = s_dialect.Quote("IX_" + log + "_app_id");
        statements.Add($"IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'IX_{log}_app_id' AND object_id = OBJECT_ID({s_dialect.NameLiteral(schema, log)})) CREATE INDEX {index} ON {s_dialect.Qualified(schema, log)} (app_id)");
        statements.Add(CreateIfMissing(schema, contract.SourceTable, $"(app_id bigint NOT NULL PRIMARY KEY, {s_dialect.Quote(contract.SourceColumn)} nvarchar(max) NULL)"));
        return statements;
    }

    private static string CreateIfMissing(string schema, string table, string body) =>
        $"IF OBJECT_ID({s_dialect.NameLiteral(schema, table)}, N'U') IS NULL\nCREATE TABLE {s_dialect.Qualified(schema, table)} {body}";
}

using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>Idempotent PostgreSQL DDL for a contract: schema, target tables in write order, processing_log, source table.</summary>
internal static class PostgresDdl
{
    private static readonly PostgresDialect s_dialect = PostgresDialect.Instance;

    public static IReadOnlyList<string> For(CompiledContract contract)
    {
        var schema = contract.TargetSchema;
        var statements = new List<string> { $"CREATE SCHEMA IF NOT EXISTS {s_dialect.Quote(schema)}" };
        foreach (var table in contract.Tables)
        {
            statements.Add($"CREATE TABLE IF NOT EXISTS {s_dialect.Qualified(schema, table.Name)} {ServerDdl.TableBody(s_dialect, contract, table)}");
        }
        var log = s_dialect.Qualified(schema, contract.ProcessingLogTable);
        statements.Add($"CREATE TABLE IF NOT EXISTS {log} {ProcessingLogSchema.CreateTableBody(s_dialect)}");
        statements.Add($"CREATE INDEX IF NOT EXISTS {s_dialect.Quote("ix_" + contract.ProcessingLogTable + "_app_id")} ON {log} (app_id)");
        statements.Add($"CREATE TABLE IF NOT EXISTS {s_dialect.Qualified(schema, contract.SourceTable)} (app_id bigint PRIMARY KEY, {s_dialect.Quote(contract.SourceColumn)} text)");
        return statements;
    }
}

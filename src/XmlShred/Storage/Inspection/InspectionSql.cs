using XmlShred.Storage.Postgres;
using XmlShred.Storage.Sqlite;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Storage.Inspection;

/// <summary>The read-only statements of <see cref="TargetInspector"/>, per dialect (kept as text so tests can parse them).</summary>
internal static class InspectionSql
{
    /// <summary>
    /// Failed applications with their latest failure (stage, reason, time, run), oldest app_id first. An app_id that also
    /// has a success row is not listed (a retry succeeded).
    /// </summary>
    public static string Failures(TargetDialect dialect, string schema, string logTable)
    {
        var log = Table(dialect, schema, logTable);
        return $"""
            SELECT f.app_id, f.stage, f.failure_reason, f.processing_time, f.run_id
            FROM {log} f
            WHERE f.status = 'failed'
              AND NOT EXISTS (SELECT 1 FROM {log} s WHERE s.app_id = f.app_id AND s.status = 'success')
              AND NOT EXISTS (SELECT 1 FROM {log} n WHERE n.app_id = f.app_id AND n.status = 'failed' AND n.log_id > f.log_id)
            ORDER BY f.app_id
            """;
    }

    /// <summary>One row (a single 1 or the name) when the table exists; no row when it does not.</summary>
    public static string TableExists(TargetDialect dialect) => dialect switch
    {
        TargetDialect.Sqlite => "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = @table",
        TargetDialect.PostgreSql => "SELECT 1 FROM information_schema.tables WHERE table_schema = @schema AND table_name = @table",
        _ => "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = @schema AND TABLE_NAME = @table",
    };

    public static string Table(TargetDialect dialect, string schema, string table) => dialect switch
    {
        // SQLite has no schemas: one file is one target.
        TargetDialect.Sqlite => SqliteDialect.Instance.Quote(table),
        TargetDialect.PostgreSql => PostgresDialect.Instance.Qualified(schema, table),
        _ => SqlServerDialect.Instance.Qualified(schema, table),
    };
}

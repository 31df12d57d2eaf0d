using System.Text;
using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage.Sqlite;

/// <summary>
/// DDL for SQLite. SQLite has no schemas, so the contract's <c>target_schema</c> is ignored: one database file is
/// one target (attach another file if a second "schema" is ever needed). Every statement is IF NOT EXISTS.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Ddl(CompiledContract contract)
    {
        var statements = new List<string>();
        var root = RootTable(contract);
        foreach (var table in contract.Tables.OrderBy(t => t.WriteOrder))
        {
            statements.Add(CreateTable(contract, table, root));
        }
        var log = Q(contract.ProcessingLogTable);
        statements.Add($"CREATE TABLE IF NOT EXISTS {log} {ProcessingLogSchema.CreateTableBody(SqliteDialect.Instance)}");
        statements.AddRange(OneLogRowPerApplication(contract));
        statements.Add($"CREATE TABLE IF NOT EXISTS {Q(contract.SourceTable)} (\"app_id\" INTEGER PRIMARY KEY, {Q(contract.SourceColumn)} TEXT)");
        return statements;
    }

    /// <summary>
    /// At most one processing_log row per app_id, enforced by a unique index (the exactly-once gate inserts against
    /// it). A database from before the rule may hold several rows for one application (two runs raced): keep the
    /// success row, else the newest failed one, then swap the plain index for the unique one. The DELETE finds
    /// nothing once the index exists.
    /// </summary>
    public static IEnumerable<string> OneLogRowPerApplication(CompiledContract contract)
    {
        var log = Q(contract.ProcessingLogTable);
        yield return $"""
            DELETE FROM {log} WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = '{UniqueLogIndex(contract.ProcessingLogTable)}') AND "log_id" IN (
              SELECT "log_id" FROM (SELECT "log_id", ROW_NUMBER() OVER (PARTITION BY "app_id" ORDER BY {ProcessingLogSchema.KeepFirst}) AS rn FROM {log})
              WHERE rn > 1)
            """;
        yield return $"DROP INDEX IF EXISTS {Q("IX_" + contract.ProcessingLogTable + "_app_id")}";
        yield return $"CREATE UNIQUE INDEX IF NOT EXISTS {Q(UniqueLogIndex(contract.ProcessingLogTable))} ON {log} (\"app_id\")";
    }

    public static string UniqueLogIndex(string logTable) => "UX_" + logTable + "_app_id";

    /// <summary>The application root (app_base-like): the first table in write order, when it is keyed by app_id alone.</summary>
    public static TablePlan? RootTable(CompiledContract contract)
    {
        var first = contract.Tables.OrderBy(t => t.WriteOrder).FirstOrDefault();
        return first is { KeyColumns: [BuilderColumns.AppId] } ? first : null;
    }

    private static string CreateTable(CompiledContract contract, TablePlan table, TablePlan? root)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(Q(table.Name)).Append(" (\n");
        foreach (var column in table.Columns)
        {
            // Only keys are NOT NULL: the contract's nullable flags do not match the real database's NOT NULLs,
            // and a row may legally carry null in any other column (DEFAULT-2, OUTPUT-4).
            sql.Append("    ").Append(Q(column.Name)).Append(' ').Append(TypeOf(column.DataType));
            if (table.KeyColumns.Contains(column.Name)) sql.Append(" NOT NULL");
            sql.Append(",\n");
        }
        sql.Append("    PRIMARY KEY (").Append(string.Join(", ", table.KeyColumns.Select(Q))).Append(')');
        if (root is not null && table != root && table.HasAppId && table.Columns.Any(c => c.Name == BuilderColumns.AppId))
        {
            sql.Append(",\n    FOREIGN KEY (\"app_id\") REFERENCES ").Append(Q(root.Name)).Append(" (\"app_id\") ON DELETE CASCADE");
        }
        if (table.ParentTable is { } parentName && contract.FindTable(parentName) is { } parent
            && parent.KeyColumns.All(k => table.Columns.Any(c => c.Name == k)))
        {
            var keys = string.Join(", ", parent.KeyColumns.Select(Q));
            sql.Append(",\n    FOREIGN KEY (").Append(keys).Append(") REFERENCES ").Append(Q(parent.Name)).Append(" (").Append(keys).Append(") ON DELETE CASCADE");
        }
        sql.Append("\n)");
        return sql.ToString();
    }

    /// <summary>
    /// Storage convention: integers and bits as INTEGER; decimals as TEXT in their exact canonical form with the
    /// column's scale ("12.50"), because a NUMERIC/REAL column would turn them into binary floating point;
    /// date/times as ISO-8601 TEXT; strings as TEXT (SQLite ignores declared lengths, so none are declared).
    /// </summary>
    public static string TypeOf(DataType type) => type switch
    {
        _ when type.IsInteger() || type.IsBit() => "INTEGER",
        DataType.Float => "REAL",
        _ => "TEXT",
    };

    public static string Q(string identifier) => "\"" + identifier + "\"";
}

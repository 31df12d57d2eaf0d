using XmlShred.Storage.Postgres;
using XmlShred.Storage.Sqlite;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Storage;

public enum TargetDialect
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>
/// The one place that turns a <c>--db</c> value into a database. The dialect is chosen by the form of the value:
/// <c>postgres://…</c>, <c>postgresql://…</c> or <c>Host=…</c> → PostgreSQL; <c>Server=…</c> or
/// <c>Data Source=…;Initial Catalog=…</c> or <c>mssql://…</c> → SQL Server; anything else (a file path or
/// <c>Data Source=file.db</c>) → SQLite.
/// </summary>
public static class TargetDatabaseFactory
{
    public static TargetDialect DetectDialect(string connection)
    {
        var text = connection.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || HasKeyword(text, "Host"))
            return TargetDialect.PostgreSql;
        if (SqlServerConnectionString.Format.IsUrl(text) || HasKeyword(text, "Server") || (HasKeyword(text, "Data Source") && (HasKeyword(text, "Initial Catalog") || HasKeyword(text, "Database"))))
            return TargetDialect.SqlServer;
        return TargetDialect.Sqlite;
    }

    /// <summary>Opens (lazily: no connection is made until first use) the database a <c>--db</c> value names.</summary>
    /// <exception cref="NotSupportedException">The dialect has no implementation in this build.</exception>
    public static ITargetDatabase Open(string connection) => DetectDialect(connection) switch
    {
        TargetDialect.Sqlite => new SqliteTargetDatabase(SqliteTargetDatabase.NormalizeConnectionString(connection)),
        TargetDialect.PostgreSql => new PostgresTargetDatabase(connection.Trim()),
        TargetDialect.SqlServer => new SqlServerTargetDatabase(connection.Trim()),
        var dialect => throw new NotSupportedException($"the {dialect} dialect is not available in this build"),
    };

    /// <summary>True when <paramref name="text"/> has <c>keyword=</c> at its start or after a ';' (case-insensitive).</summary>
    private static bool HasKeyword(string text, string keyword)
    {
        foreach (var part in text.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq].Trim().Equals(keyword, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}

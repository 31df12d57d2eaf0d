using Microsoft.Data.Sqlite;
using XmlShred.Contract;
using XmlShred.Storage;
using XmlShred.Storage.Inspection;
using XmlShred.Storage.Sqlite;

namespace XmlShred.Cli.Commands;

/// <summary>
/// Commands that need an initialised target check it before any work: a missing table is a usage error that says
/// to run <c>xmlshred init</c>, not a database exception halfway through, and a SQLite file is never created here.
/// </summary>
internal static class SchemaGuard
{
    public static async Task RequireAsync(string connection, CompiledContract contract, CancellationToken cancellationToken)
    {
        var missing = await TargetInspector.MissingTablesAsync(connection, contract, cancellationToken).ConfigureAwait(false);
        if (missing.Count == 0) return;
        var sqliteFile = TargetDatabaseFactory.DetectDialect(connection) == TargetDialect.Sqlite
            ? new SqliteConnectionStringBuilder(SqliteTargetDatabase.NormalizeConnectionString(connection)).DataSource
            : null;
        var target = sqliteFile is not null && !File.Exists(sqliteFile)
            ? $"the database file '{sqliteFile}' does not exist"
            : $"the target is missing {Plural.Count(missing.Count, "table")} ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")})";
        throw new UsageException($"{target}: run `xmlshred init` with the same --db and --contract first");
    }
}

using Microsoft.Data.Sqlite;
using XmlShred.Contract;
using XmlShred.Storage;

namespace XmlShred.Benchmarking.Targets;

/// <summary>
/// Where benchmark runs write. The corpus is loaded once (<see cref="PrepareAsync"/>); before every run
/// <see cref="FreshAsync"/> hands out a target whose source table holds the whole corpus and whose target tables and
/// processing_log are empty: a copy of a template file for SQLite, emptied tables for a server.
/// </summary>
public abstract class BenchTarget
{
    public static BenchTarget For(string db) => TargetDatabaseFactory.DetectDialect(db) == TargetDialect.Sqlite
        ? new SqliteBenchTarget(Path.GetFullPath(db))
        : new ServerBenchTarget(db);

    /// <summary>sqlite, postgresql or sqlserver.</summary>
    public abstract string Kind { get; }

    /// <summary>The target as it may be printed (password redacted).</summary>
    public abstract string DisplayName { get; }

    public abstract Task PrepareAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, CancellationToken cancellationToken);

    /// <summary>Empties the target for the next run and returns the connection the run should use.</summary>
    public abstract Task<string> FreshAsync(CompiledContract contract, CancellationToken cancellationToken);
}

/// <summary>SQLite: the corpus lives in <c>&lt;db&gt;.template</c>; each run gets a fresh copy at <c>&lt;db&gt;</c>.</summary>
internal sealed class SqliteBenchTarget(string path) : BenchTarget
{
    private string Template => path + ".template";

    public override string Kind => "sqlite";

    public override string DisplayName => path;

    public override async Task PrepareAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, CancellationToken cancellationToken)
    {
        Delete(Template);
        await using (var database = TargetDatabaseFactory.Open(Template))
        {
            await database.EnsureSchemaAsync(contract, cancellationToken).ConfigureAwait(false);
            foreach (var chunk in documents.Chunk(1000)) await database.LoadSourceAsync(contract, chunk, replace: false, cancellationToken).ConfigureAwait(false);
        }
        // Fold the WAL into the main file so a plain file copy is a complete database.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Template, Pooling = false }.ToString()))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }

    public override Task<string> FreshAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        Delete(path);
        File.Copy(Template, path);
        return Task.FromResult(path);
    }

    private static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(file + suffix)) File.Delete(file + suffix);
        }
    }
}

/// <summary>PostgreSQL or SQL Server: the source table is loaded once; target tables and processing_log are emptied per run.</summary>
internal sealed class ServerBenchTarget(string connection) : BenchTarget
{
    private readonly TargetDialect _dialect = TargetDatabaseFactory.DetectDialect(connection);

    public override string Kind => _dialect == TargetDialect.PostgreSql ? "postgresql" : "sqlserver";

    public override string DisplayName => _dialect == TargetDialect.PostgreSql ? Storage.Postgres.PostgresConnectionString.Format.Redact(connection) : Storage.SqlServer.SqlServerConnectionString.Format.Redact(connection);

    public override async Task PrepareAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, CancellationToken cancellationToken)
    {
        await using (var database = TargetDatabaseFactory.Open(connection))
        {
            await database.EnsureSchemaAsync(contract, cancellationToken).ConfigureAwait(false);
        }
        await ServerTableReset.EmptyAsync(_dialect, connection, contract, includeSource: true, cancellationToken).ConfigureAwait(false);
        await using (var database = TargetDatabaseFactory.Open(connection))
        {
            foreach (var chunk in documents.Chunk(1000)) await database.LoadSourceAsync(contract, chunk, replace: false, cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<string> FreshAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        await ServerTableReset.EmptyAsync(_dialect, connection, contract, includeSource: false, cancellationToken).ConfigureAwait(false);
        return connection;
    }
}

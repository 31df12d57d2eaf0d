using Microsoft.Data.SqlClient;
using Npgsql;
using XmlShred.Contract;
using XmlShred.Storage;
using XmlShred.Storage.Postgres;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Benchmarking.Targets;

/// <summary>
/// Empties a server target between benchmark runs. Benchmark-only, so it lives here rather than in the product's
/// storage layer: a production target is never wiped by XmlShred. Table names come from a validated contract.
/// </summary>
internal static class ServerTableReset
{
    public static async Task EmptyAsync(TargetDialect dialect, string connection, CompiledContract contract, bool includeSource, CancellationToken cancellationToken)
    {
        if (dialect == TargetDialect.PostgreSql) await EmptyPostgresAsync(connection, contract, includeSource, cancellationToken).ConfigureAwait(false);
        else if (dialect == TargetDialect.SqlServer) await EmptySqlServerAsync(connection, contract, includeSource, cancellationToken).ConfigureAwait(false);
        else throw new ArgumentException($"a {dialect} target is not emptied in place; SQLite runs use a fresh copy");
    }

    /// <summary>One TRUNCATE of every table at once: PostgreSQL accepts it despite the foreign keys between them.</summary>
    private static async Task EmptyPostgresAsync(string connection, CompiledContract contract, bool includeSource, CancellationToken cancellationToken)
    {
        static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var tables = Tables(contract, includeSource).Select(t => Quote(contract.TargetSchema) + "." + Quote(t));
        await using var open = new NpgsqlConnection(PostgresConnectionString.Format.Parse(connection).ConnectionString);
        await open.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY", open);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>DELETE children first: SQL Server refuses TRUNCATE on a table that a foreign key references.</summary>
    private static async Task EmptySqlServerAsync(string connection, CompiledContract contract, bool includeSource, CancellationToken cancellationToken)
    {
        await using var open = new SqlConnection(SqlServerConnectionString.Format.Parse(connection).ConnectionString);
        await open.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new SqlCommand(SqlServerDeleteSql(contract, includeSource), open) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The T-SQL that empties a SQL Server target, children before parents (parsed by the T-SQL tests).</summary>
    internal static string SqlServerDeleteSql(CompiledContract contract, bool includeSource)
    {
        static string Quote(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";
        var tables = contract.Tables.Select(t => t.Name).Reverse().Append(contract.ProcessingLogTable);
        if (includeSource) tables = tables.Append(contract.SourceTable);
        return string.Join(";\n", tables.Select(t => $"DELETE FROM {Quote(contract.TargetSchema)}.{Quote(t)}"));
    }

    private static IEnumerable<string> Tables(CompiledContract contract, bool includeSource)
    {
        var tables = contract.Tables.Select(t => t.Name).Append(contract.ProcessingLogTable);
        return includeSource ? tables.Append(contract.SourceTable) : tables;
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using XmlShred.Contract;
using XmlShred.Storage.Postgres;
using XmlShred.Storage.Sqlite;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Storage.Inspection;

/// <summary>
/// Read-only questions about a target, asked before any work starts or by reporting commands: is the schema there,
/// which applications failed. Never creates anything: a SQLite file that does not exist is reported, not made.
/// </summary>
public static class TargetInspector
{
    /// <summary>
    /// The tables a run needs (source table, processing_log, every target table) that are missing; empty when the
    /// schema is complete. A SQLite file that does not exist misses everything.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MissingTablesAsync(string connection, CompiledContract contract, CancellationToken cancellationToken)
    {
        string[] needed = [contract.SourceTable, contract.ProcessingLogTable, .. contract.Tables.Select(t => t.Name), Fleet.ClaimDialect.ChunkTableName, Fleet.ClaimDialect.InstanceTableName];
        await using var open = await OpenExistingAsync(connection, cancellationToken).ConfigureAwait(false);
        if (open is null) return needed;
        var missing = new List<string>();
        foreach (var table in needed)
        {
            if (!await TableExistsAsync(open, TargetDatabaseFactory.DetectDialect(connection), contract.TargetSchema, table, cancellationToken).ConfigureAwait(false))
                missing.Add(table);
        }
        return missing;
    }

    /// <summary>Failed applications (see <see cref="InspectionSql.Failures"/>).</summary>
    /// <exception cref="InvalidOperationException">The database or its processing_log does not exist.</exception>
    public static async Task<IReadOnlyList<FailedApplication>> FailuresAsync(string connection, string schema, string logTable, CancellationToken cancellationToken)
    {
        var dialect = TargetDatabaseFactory.DetectDialect(connection);
        await using var open = await OpenExistingAsync(connection, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the database does not exist: run `xmlshred init` first");
        if (!await TableExistsAsync(open, dialect, schema, logTable, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"{InspectionSql.Table(dialect, schema, logTable)} does not exist: run `xmlshred init` first");
        await using var command = open.CreateCommand();
        command.CommandText = InspectionSql.Failures(dialect, schema, logTable);
        var failures = new List<FailedApplication>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            failures.Add(new FailedApplication(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                ReadTime(reader.GetValue(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return failures;
    }

    /// <summary>SQLite keeps times as ISO-8601 text; the servers as timestamps.</summary>
    private static DateTime ReadTime(object value) => value switch
    {
        DateTime time => time,
        string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => DateTime.MinValue,
    };

    private static async Task<bool> TableExistsAsync(DbConnection connection, TargetDialect dialect, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = InspectionSql.TableExists(dialect);
        Add(command, "@table", table);
        if (dialect != TargetDialect.Sqlite) Add(command, "@schema", schema);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null and not DBNull;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>An open connection, or null when the target is a SQLite file that does not exist (it is not created).</summary>
    private static async Task<DbConnection?> OpenExistingAsync(string connection, CancellationToken cancellationToken)
    {
        DbConnection db;
        switch (TargetDatabaseFactory.DetectDialect(connection))
        {
            case TargetDialect.Sqlite:
                var builder = new SqliteConnectionStringBuilder(SqliteTargetDatabase.NormalizeConnectionString(connection));
                var inMemory = builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
                if (!inMemory && !File.Exists(builder.DataSource)) return null;
                if (!inMemory) builder.Mode = SqliteOpenMode.ReadWrite; // never ReadWriteCreate: no empty file left behind
                db = new SqliteConnection(builder.ToString());
                break;
            case TargetDialect.PostgreSql:
                db = new NpgsqlConnection(PostgresConnectionString.Format.Parse(connection.Trim()).ConnectionString);
                break;
            default:
                db = new SqlConnection(SqlServerConnectionString.Format.Parse(connection.Trim()).ConnectionString);
                break;
        }
        try
        {
            await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            return db;
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

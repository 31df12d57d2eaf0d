using System.Data.Common;
using Npgsql;
using XmlShred.Storage;
using XmlShred.Storage.Postgres;
using XmlShred.Tests.Storage;

namespace XmlShred.Tests.Storage.Postgres;

/// <summary>The target conformance suite against a real PostgreSQL (the test run's own cluster).</summary>
public sealed class PostgresTargetDatabaseTests(PostgresCluster cluster) : TargetDatabaseConformanceTests
{
    protected override async Task<ITargetDatabase> CreateDatabaseAsync() =>
        new PostgresTargetDatabase(await cluster.DatabaseAsync(nameof(PostgresTargetDatabaseTests)));

    protected override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(await cluster.DatabaseAsync(nameof(PostgresTargetDatabaseTests)));
        await connection.OpenAsync(Ct);
        return connection;
    }

    protected override string SetDefaultSql(string qualifiedTable, string column, int value) => $"ALTER TABLE {qualifiedTable} ALTER COLUMN \"{column}\" SET DEFAULT {value}";

    protected override string Quote(string identifier) => "\"" + identifier + "\"";
}

using System.Data.Common;
using Npgsql;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.Postgres;

/// <summary>
/// A database of its own on the test cluster for one pipeline test (the tiny contract's schema is fixed, so tests
/// are isolated by database). Plain SQL runs with search_path set to the contract's schema, so the shared test
/// queries name tables unqualified as they do on SQLite.
/// </summary>
public sealed class PostgresPipelineDatabase(PostgresCluster cluster, string schema) : ServerPipelineDatabase(schema)
{
    private readonly string _owner = "pipe" + Guid.NewGuid().ToString("N")[..16];
    private string? _connection;

    // Task.Run: created on first use from a synchronous property, away from the test's synchronization context.
    public override string Connection => _connection ??= Task.Run(() => cluster.DatabaseAsync(_owner)).GetAwaiter().GetResult();

    private protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Connection) { SearchPath = Schema }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A BEFORE INSERT trigger raising SQLSTATE 23514 (check violation), so the failure is constraint-class.</summary>
    public override Task InstallPoisonAsync(string table, long appId) => ExecuteAsync($"""
        CREATE FUNCTION "{Schema}".poison_{table}_{appId}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.app_id = {appId} THEN RAISE EXCEPTION 'poisoned application {appId}' USING ERRCODE = '23514'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER poison_{table}_{appId} BEFORE INSERT ON "{Schema}"."{table}" FOR EACH ROW EXECUTE FUNCTION "{Schema}".poison_{table}_{appId}();
        """);

    public override async Task<IReadOnlyList<string>> TableNamesAsync() =>
        (await QueryAsync($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{Schema}' ORDER BY table_name"))
        .Select(r => (string)r[0]!).ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connection is not null) await cluster.DropDatabaseAsync(_owner);
    }
}

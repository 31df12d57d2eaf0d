using Npgsql;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.Postgres;

/// <summary>
/// A database of its own on the test cluster for one pipeline test (the tiny contract's schema is fixed, so tests
/// are isolated by database). Plain SQL runs with search_path set to the contract's schema, so the shared test
/// queries name tables unqualified as they do on SQLite.
/// </summary>
public sealed class PostgresPipelineDatabase : PipelineDatabase
{
    private readonly PostgresCluster _cluster;
    private readonly string _owner = "pipe" + Guid.NewGuid().ToString("N")[..16];
    private string? _connection;

    public PostgresPipelineDatabase(PostgresCluster cluster, string schema)
    {
        _cluster = cluster;
        Schema = schema;
    }

    public string Schema { get; }

    // Task.Run: created on first use from a synchronous property, away from the test's synchronization context.
    public override string Connection => _connection ??= Task.Run(() => _cluster.DatabaseAsync(_owner)).GetAwaiter().GetResult();

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Connection) { SearchPath = Schema }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = Normalise(reader.GetValue(i));
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// Values as SQLite returns them, so the shared assertions and table dumps compare equal: integers as long,
    /// timestamps as ISO text, decimals as invariant text (which keeps their scale).
    /// </summary>
    private static object? Normalise(object value) => value switch
    {
        DBNull => null,
        short or int => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
        if (_connection is not null) await _cluster.DropDatabaseAsync(_owner);
    }
}

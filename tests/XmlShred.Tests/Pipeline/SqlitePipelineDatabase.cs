using Microsoft.Data.Sqlite;

namespace XmlShred.Tests.Pipeline;

/// <summary>A SQLite file in a temp folder, deleted (with its WAL) afterwards.</summary>
public sealed class SqlitePipelineDatabase : PipelineDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xmlshred-test-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "target.db");

    public override string Connection => Path;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    public override Task<List<object?[]>> QueryAsync(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return Task.FromResult(rows);
    }

    public override Task ExecuteAsync(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public override Task InstallPoisonAsync(string table, long appId) => ExecuteAsync(
        $"CREATE TRIGGER poison_{table}_{appId} BEFORE INSERT ON \"{table}\" WHEN NEW.app_id = {appId} BEGIN SELECT RAISE(ABORT, 'poisoned application {appId}'); END");

    public override async Task<IReadOnlyList<string>> TableNamesAsync() =>
        (await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").ConfigureAwait(false))
        .Select(r => (string)r[0]!).ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold the file for a moment; the temp folder is cleaned up by the OS.
        }
    }
}

using Microsoft.Data.Sqlite;

namespace XmlShred.Storage.Sqlite;

/// <summary>Opens connections with the settings every XmlShred connection needs.</summary>
internal static class SqliteConnections
{
    /// <summary>
    /// WAL lets the source reader run while the single writer commits; synchronous=NORMAL is durable at each
    /// checkpoint and still crash-safe in WAL mode (a crash can lose the last commits, never corrupt or half-apply one).
    /// foreign_keys is per connection in SQLite and off by default.
    /// </summary>
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        return connection;
    }
}

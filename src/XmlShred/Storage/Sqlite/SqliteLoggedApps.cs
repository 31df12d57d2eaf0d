using Microsoft.Data.Sqlite;
using XmlShred.Contract;

namespace XmlShred.Storage.Sqlite;

/// <summary>The processing_log lookup a batch retry uses to skip applications its failed attempt did commit.</summary>
internal static class SqliteLoggedApps
{
    public static IReadOnlySet<long> Load(string connectionString, CompiledContract contract, IReadOnlyCollection<long> appIds)
    {
        var logged = new HashSet<long>();
        if (appIds.Count == 0) return logged;
        using var connection = SqliteConnections.Open(connectionString);
        using var command = connection.CreateCommand();
        // One JSON array parameter instead of one parameter per id (SQLite caps the parameter count).
        command.CommandText = $"SELECT DISTINCT \"app_id\" FROM {SqliteSchema.Q(contract.ProcessingLogTable)} WHERE \"app_id\" IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', appIds) + "]");
        using var reader = command.ExecuteReader();
        while (reader.Read()) logged.Add(reader.GetInt64(0));
        return logged;
    }
}

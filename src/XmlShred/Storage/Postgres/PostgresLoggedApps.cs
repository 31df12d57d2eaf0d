using Npgsql;
using NpgsqlTypes;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>The processing_log lookup a batch retry uses to skip applications its failed attempt did commit.</summary>
internal static class PostgresLoggedApps
{
    public static async Task<IReadOnlySet<long>> LoadAsync(NpgsqlDataSource dataSource, CompiledContract contract, IReadOnlyCollection<long> appIds, CancellationToken cancellationToken)
    {
        var logged = new HashSet<long>();
        if (appIds.Count == 0) return logged;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT DISTINCT app_id FROM {PostgresTypes.Qualified(contract.TargetSchema, contract.ProcessingLogTable)} WHERE app_id = ANY(@ids)", connection);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. appIds] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) logged.Add(reader.GetInt64(0));
        return logged;
    }
}

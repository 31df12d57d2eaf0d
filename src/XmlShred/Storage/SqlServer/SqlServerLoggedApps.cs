using System.Data;
using Microsoft.Data.SqlClient;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>The processing_log lookup a batch retry uses to skip applications its failed attempt did commit.</summary>
internal static class SqlServerLoggedApps
{
    public static string Sql(CompiledContract contract) =>
        $"SELECT DISTINCT p.app_id FROM {SqlServerTypes.Qualified(contract.TargetSchema, contract.ProcessingLogTable)} AS p "
        + "WHERE p.app_id IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@ids))";

    public static async Task<IReadOnlySet<long>> LoadAsync(SqlConnection connection, CompiledContract contract, IReadOnlyCollection<long> appIds, CancellationToken cancellationToken)
    {
        var logged = new HashSet<long>();
        if (appIds.Count == 0) return logged;
        await using var command = new SqlCommand(Sql(contract), connection) { CommandTimeout = 0 };
        command.Parameters.Add("@ids", SqlDbType.NVarChar, -1).Value = "[" + string.Join(',', appIds) + "]";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) logged.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return logged;
    }
}

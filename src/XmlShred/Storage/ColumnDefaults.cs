using System.Data.Common;

namespace XmlShred.Storage;

/// <summary>
/// Reads which target columns have a default, identity or generated value (they must not be padded with NULL, OUTPUT-4),
/// with a dialect's catalog query that takes the schema as <c>@schema</c> and returns (table, column) rows.
/// </summary>
internal static class ColumnDefaults
{
    public static async Task<ISet<(string Table, string Column)>> LoadAsync(DbConnection connection, IServerDialect dialect, string schema, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = dialect.DefaultedColumnsSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@schema";
        parameter.Value = schema;
        command.Parameters.Add(parameter);
        var columns = new HashSet<(string, string)>(dialect.NameComparer);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }
}

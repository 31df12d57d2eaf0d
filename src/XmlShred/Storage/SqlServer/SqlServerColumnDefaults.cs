using Microsoft.Data.SqlClient;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// Target columns with a DEFAULT constraint, IDENTITY or a computed value: they must not be padded with NULL (OUTPUT-4).
/// Names compare case-insensitively, as SQL Server's default collations do.
/// </summary>
internal static class SqlServerColumnDefaults
{
    public static async Task<HashSet<(string Table, string Column)>> LoadAsync(SqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.name, c.name
            FROM sys.columns c JOIN sys.tables t ON t.object_id = c.object_id JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE s.name = @schema AND (c.default_object_id <> 0 OR c.is_identity = 1 OR c.is_computed = 1)
            """;
        await using var command = new SqlCommand(sql, connection);
        command.Parameters.AddWithValue("@schema", schema);
        var columns = new HashSet<(string, string)>(new IgnoreCase());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private sealed class IgnoreCase : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}

using Npgsql;

namespace XmlShred.Storage.Postgres;

/// <summary>Target columns that have a default, identity or generated value: they must not be padded with NULL (OUTPUT-4).</summary>
internal static class PostgresColumnDefaults
{
    public static async Task<HashSet<(string Table, string Column)>> LoadAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT c.relname, a.attname
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
              AND (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '')
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        var columns = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }
}

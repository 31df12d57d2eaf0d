using Npgsql;
using NpgsqlTypes;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// The <c>load</c> command's insert into the source table: one statement over unnest()ed arrays, one transaction.
/// RETURNING (xmax = 0) tells a fresh insert from an update of an existing row, which gives the counts.
/// </summary>
internal static class PostgresSourceLoader
{
    public static async Task<SourceLoadResult> LoadAsync(NpgsqlDataSource dataSource, CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken)
    {
        // ON CONFLICT cannot touch one row twice in a statement: the last document per app_id wins.
        var unique = documents.GroupBy(d => d.AppId).Select(g => g.Last()).ToList();
        var xml = PostgresDialect.Instance.Quote(contract.SourceColumn);
        var sql = $"INSERT INTO {PostgresDialect.Instance.Qualified(contract.TargetSchema, contract.SourceTable)} (app_id, {xml})\n"
            + "SELECT * FROM unnest(@ids, @xmls)\n"
            + (replace ? $"ON CONFLICT (app_id) DO UPDATE SET {xml} = EXCLUDED.{xml}\n" : "ON CONFLICT (app_id) DO NOTHING\n")
            + "RETURNING (xmax = 0)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = unique.Select(d => d.AppId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("xmls", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = unique.Select(d => d.Xml).ToArray() });
        int inserted = 0, replaced = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBoolean(0)) inserted++;
                else replaced++;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new SourceLoadResult(inserted, replaced, documents.Count - inserted - replaced);
    }
}

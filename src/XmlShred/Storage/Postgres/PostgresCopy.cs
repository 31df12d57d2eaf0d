using Npgsql;
using NpgsqlTypes;

namespace XmlShred.Storage.Postgres;

/// <summary>Binary COPY of a row group on the caller's connection (and so its transaction).</summary>
internal static class PostgresCopy
{
    private static readonly PostgresDialect s_dialect = PostgresDialect.Instance;

    public static async Task RowsAsync(NpgsqlConnection connection, string qualifiedTable, TableRowGroup group, bool withOrdinal, CancellationToken cancellationToken)
    {
        var columns = group.Columns.Select(s_dialect.Quote).ToList();
        if (withOrdinal) columns.Add(ServerBatchWriter.OrdinalColumn);
        var specs = group.Specs;
        var dbTypes = specs.Select(PostgresDialect.CopyType).ToArray();
        var sqlTypes = specs.Select(s_dialect.SqlType).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {qualifiedTable} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long ordinal = 0;
        foreach (var row in group.Rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < specs.Count; i++)
            {
                var value = group.ValueAt(row, i);
                if (ColumnCast.IsNull(value)) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(ColumnCast.Apply(s_dialect.Types.Cast, group.Plan.Name, specs[i], value!, sqlTypes[i]), dbTypes[i], cancellationToken);
            }
            if (withOrdinal) await importer.WriteAsync(ordinal++, NpgsqlDbType.Bigint, cancellationToken);
        }
        // Without Complete the import is rolled back on dispose; errors (e.g. 23505) surface here.
        await importer.CompleteAsync(cancellationToken);
    }
}

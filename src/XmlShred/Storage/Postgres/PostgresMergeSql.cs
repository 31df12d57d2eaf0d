using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// Statements that move a staged row group into its target table per OUTPUT-6: insert-if-absent keeps the first row per
/// key within the batch and anything already stored; upsert keeps the last row per key and updates stored rows.
/// Two applications of one batch may share a key (a con_id), hence DISTINCT ON before ON CONFLICT, which cannot
/// touch the same row twice in one statement.
/// </summary>
internal static class PostgresMergeSql
{
    public static string CreateStage(string stageName, string qualifiedTarget, TableRowGroup group) =>
        $"CREATE TEMP TABLE {stageName} ON COMMIT DROP AS SELECT {ColumnList(group)}, 0::bigint AS {ServerBatchWriter.OrdinalColumn} FROM {qualifiedTarget} WITH NO DATA";

    public static string Merge(string stageName, string qualifiedTarget, TableRowGroup group)
    {
        var keys = group.Plan.KeyColumns.Where(group.Columns.Contains).Select(Q).ToList();
        var columns = ColumnList(group);
        var keyList = string.Join(", ", keys);
        var upsert = group.Plan.Kind.IsUpsert();
        var order = upsert ? "DESC" : "ASC";
        var sql = $"INSERT INTO {qualifiedTarget} ({columns})\nSELECT DISTINCT ON ({keyList}) {columns} FROM {stageName}\nORDER BY {keyList}, {ServerBatchWriter.OrdinalColumn} {order}\n";
        if (!upsert) return sql + "ON CONFLICT DO NOTHING";
        var updates = group.Columns.Where(c => !group.Plan.KeyColumns.Contains(c)).Select(c => $"{Q(c)} = EXCLUDED.{Q(c)}").ToList();
        return updates.Count == 0
            ? sql + $"ON CONFLICT ({keyList}) DO NOTHING"
            : sql + $"ON CONFLICT ({keyList}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    private static string Q(string identifier) => PostgresDialect.Instance.Quote(identifier);

    private static string ColumnList(TableRowGroup group) => string.Join(", ", group.Columns.Select(Q));
}

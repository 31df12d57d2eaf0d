namespace XmlShred.Storage.Postgres;

/// <summary>
/// PostgreSQL's exactly-once gate (see <see cref="ServerBatchWriter"/>): the batch's log rows are copied into an
/// ON COMMIT DROP temp table, then moved into processing_log with ON CONFLICT (app_id) DO NOTHING against the unique
/// index, returning the app_ids that went in. A racing writer's uncommitted row makes the insert wait for it, then
/// skip. Rows go in ascending app_id order, so two writers never take index locks in opposite orders.
/// </summary>
internal static class PostgresLogGateSql
{
    public const string Stage = "xmlshred_log_stage";

    public static string CreateStage(string stage, string log) =>
        $"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {ProcessingLogSchema.ColumnList} FROM {log} WITH NO DATA";

    /// <summary>Under --retry-failed: a staged row replaces a failed row of its app_id (and only a failed one).</summary>
    public static string ReplaceFailed(string stage, string log) =>
        $"UPDATE {log} AS l SET {ProcessingLogSchema.Assignments("s.")} FROM {stage} AS s WHERE l.app_id = s.app_id AND l.status = 'failed' RETURNING l.app_id";

    public static string InsertIfAbsent(string stage, string log) =>
        $"INSERT INTO {log} ({ProcessingLogSchema.ColumnList}) SELECT {ProcessingLogSchema.ColumnList} FROM {stage} ORDER BY app_id ON CONFLICT (app_id) DO NOTHING RETURNING app_id";
}

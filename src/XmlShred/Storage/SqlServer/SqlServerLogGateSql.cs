namespace XmlShred.Storage.SqlServer;

/// <summary>
/// SQL Server's exactly-once gate (see <see cref="ServerBatchWriter"/>): the batch's log rows are bulk-copied into a
/// #temp table, then inserted into processing_log where no row of their app_id exists, read WITH (UPDLOCK, HOLDLOCK)
/// so the NOT EXISTS stays true until the insert (a racing writer waits, then finds the row), returning the app_ids
/// that went in. The unique index backs it up. Rows go in ascending app_id order.
/// </summary>
internal static class SqlServerLogGateSql
{
    public const string Stage = "#xmlshred_log_stage";

    /// <summary>A session #temp (dropped first: it outlives the transaction on a pooled connection).</summary>
    public static string CreateStage(string stage, string log) =>
        $"DROP TABLE IF EXISTS {stage};\nSELECT TOP (0) {ProcessingLogSchema.ColumnList} INTO {stage} FROM {log};";

    /// <summary>Under --retry-failed: a staged row replaces a failed row of its app_id (and only a failed one).</summary>
    public static string ReplaceFailed(string stage, string log) =>
        $"UPDATE l SET {ProcessingLogSchema.Assignments("s.")} OUTPUT inserted.app_id FROM {log} AS l JOIN {stage} AS s ON l.app_id = s.app_id WHERE l.status = 'failed';";

    public static string InsertIfAbsent(string stage, string log) =>
        $"INSERT INTO {log} ({ProcessingLogSchema.ColumnList}) OUTPUT inserted.app_id SELECT {ProcessingLogSchema.ColumnList} FROM {stage} AS s\n"
        + $"WHERE NOT EXISTS (SELECT 1 FROM {log} AS p WITH (UPDLOCK, HOLDLOCK) WHERE p.app_id = s.app_id) ORDER BY s.app_id;";
}

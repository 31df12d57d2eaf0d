using Microsoft.Data.Sqlite;
using XmlShred.Contract;

namespace XmlShred.Storage.Sqlite;

/// <summary>The source-side SELECTs: keyset page and count, both excluding every app_id already in processing_log.</summary>
internal static class SqliteSourceQueries
{
    public static string PendingPage(CompiledContract contract, SourceSelection selection) =>
        $"SELECT s.\"app_id\", s.{SqliteSchema.Q(contract.SourceColumn)} FROM {SqliteSchema.Q(contract.SourceTable)} s "
        + $"WHERE s.\"app_id\" > $cursor AND {Filter(contract, selection)} ORDER BY s.\"app_id\" LIMIT $take";

    public static string PendingCount(CompiledContract contract, SourceSelection selection) =>
        $"SELECT COUNT(*) FROM {SqliteSchema.Q(contract.SourceTable)} s WHERE {Filter(contract, selection)}";

    /// <summary>Rows of the selection whose XML is NULL: never read, but counted so they are never invisible.</summary>
    public static string NullXmlCount(CompiledContract contract, SourceSelection selection) =>
        $"SELECT COUNT(*) FROM {SqliteSchema.Q(contract.SourceTable)} s WHERE {Filter(contract, selection, nullXml: true)}";

    private static string Filter(CompiledContract contract, SourceSelection selection, bool nullXml = false)
    {
        var parts = new List<string> { $"s.{SqliteSchema.Q(contract.SourceColumn)} IS {(nullXml ? "" : "NOT ")}NULL" };
        if (selection.AppIdStart is not null) parts.Add("s.\"app_id\" >= $start");
        if (selection.AppIdEnd is not null) parts.Add("s.\"app_id\" <= $end");
        if (selection.PartitionCount is not null) parts.Add("s.\"app_id\" % $parts = $part");
        if (!nullXml) parts.Add($"NOT EXISTS (SELECT 1 FROM {SqliteSchema.Q(contract.ProcessingLogTable)} l WHERE l.\"app_id\" = s.\"app_id\")");
        return string.Join(" AND ", parts);
    }

    public static void BindSelection(SqliteCommand command, SourceSelection selection)
    {
        if (selection.AppIdStart is { } start) command.Parameters.AddWithValue("$start", start);
        if (selection.AppIdEnd is { } end) command.Parameters.AddWithValue("$end", end);
        if (selection.PartitionCount is { } count)
        {
            command.Parameters.AddWithValue("$parts", count);
            command.Parameters.AddWithValue("$part", selection.PartitionIndex ?? 0);
        }
    }
}

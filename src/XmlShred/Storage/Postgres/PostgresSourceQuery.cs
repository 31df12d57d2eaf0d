using Npgsql;
using NpgsqlTypes;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// The source-side SELECTs. A page is keyset-paged (after the last app_id seen, never OFFSET) so every page costs the
/// same and a resumed run starts where work remains; both page and count skip every app_id already in processing_log.
/// </summary>
internal static class PostgresSourceQuery
{
    public static string Page(CompiledContract contract, SourceSelection selection) =>
        $"SELECT s.app_id, s.{PostgresTypes.Quote(contract.SourceColumn)} FROM {PostgresTypes.Qualified(contract.TargetSchema, contract.SourceTable)} s\n"
        + $"WHERE s.app_id > @last AND {Filter(contract, selection)}\nORDER BY s.app_id LIMIT @page";

    public static string Count(CompiledContract contract, SourceSelection selection) =>
        $"SELECT COUNT(*) FROM {PostgresTypes.Qualified(contract.TargetSchema, contract.SourceTable)} s WHERE {Filter(contract, selection)}";

    /// <summary>Rows of the selection whose XML is NULL: never read, but counted so they are never invisible.</summary>
    public static string NullXmlCount(CompiledContract contract, SourceSelection selection) =>
        $"SELECT COUNT(*) FROM {PostgresTypes.Qualified(contract.TargetSchema, contract.SourceTable)} s WHERE {Filter(contract, selection, nullXml: true)}";

    private static string Filter(CompiledContract contract, SourceSelection selection, bool nullXml = false)
    {
        var parts = new List<string> { $"s.{PostgresTypes.Quote(contract.SourceColumn)} IS {(nullXml ? "" : "NOT ")}NULL" };
        if (selection.AppIdStart is not null) parts.Add("s.app_id >= @start");
        if (selection.AppIdEnd is not null) parts.Add("s.app_id <= @end");
        if (selection.PartitionCount is > 0) parts.Add("s.app_id % @partitions = @partition");
        if (!nullXml) parts.Add($"NOT EXISTS (SELECT 1 FROM {PostgresTypes.Qualified(contract.TargetSchema, contract.ProcessingLogTable)} p WHERE p.app_id = s.app_id)");
        return string.Join("\n  AND ", parts);
    }

    public static void Bind(NpgsqlCommand command, SourceSelection selection)
    {
        if (selection.AppIdStart is { } start) command.Parameters.Add(new NpgsqlParameter<long>("start", NpgsqlDbType.Bigint) { TypedValue = start });
        if (selection.AppIdEnd is { } end) command.Parameters.Add(new NpgsqlParameter<long>("end", NpgsqlDbType.Bigint) { TypedValue = end });
        if (selection.PartitionCount is int count and > 0)
        {
            command.Parameters.Add(new NpgsqlParameter<long>("partitions", NpgsqlDbType.Bigint) { TypedValue = count });
            command.Parameters.Add(new NpgsqlParameter<long>("partition", NpgsqlDbType.Bigint) { TypedValue = selection.PartitionIndex ?? 0 });
        }
    }
}

using System.Data;
using Microsoft.Data.SqlClient;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>The source-side SELECTs (see PostgresSourceQuery): TOP (@page) … WHERE app_id > @last … ORDER BY app_id, and the pending count.</summary>
internal static class SqlServerSourceQuery
{
    public static string Page(CompiledContract contract, SourceSelection selection) =>
        $"SELECT TOP (@page) s.app_id, s.{SqlServerTypes.Quote(contract.SourceColumn)} FROM {SqlServerTypes.Qualified(contract.TargetSchema, contract.SourceTable)} AS s\n"
        + $"WHERE s.app_id > @last AND {Filter(contract, selection)}\nORDER BY s.app_id";

    public static string Count(CompiledContract contract, SourceSelection selection) =>
        $"SELECT COUNT_BIG(*) FROM {SqlServerTypes.Qualified(contract.TargetSchema, contract.SourceTable)} AS s WHERE {Filter(contract, selection)}";

    /// <summary>Rows of the selection whose XML is NULL: never read, but counted so they are never invisible.</summary>
    public static string NullXmlCount(CompiledContract contract, SourceSelection selection) =>
        $"SELECT COUNT_BIG(*) FROM {SqlServerTypes.Qualified(contract.TargetSchema, contract.SourceTable)} AS s WHERE {Filter(contract, selection, nullXml: true)}";

    private static string Filter(CompiledContract contract, SourceSelection selection, bool nullXml = false)
    {
        var parts = new List<string> { $"s.{SqlServerTypes.Quote(contract.SourceColumn)} IS {(nullXml ? "" : "NOT ")}NULL" };
        if (selection.AppIdStart is not null) parts.Add("s.app_id >= @start");
        if (selection.AppIdEnd is not null) parts.Add("s.app_id <= @end");
        if (selection.PartitionCount is > 0) parts.Add("s.app_id % @partitions = @partition");
        if (!nullXml) parts.Add($"NOT EXISTS (SELECT 1 FROM {SqlServerTypes.Qualified(contract.TargetSchema, contract.ProcessingLogTable)} AS p WHERE p.app_id = s.app_id)");
        return string.Join("\n  AND ", parts);
    }

    public static void Bind(SqlCommand command, SourceSelection selection)
    {
        if (selection.AppIdStart is { } start) command.Parameters.Add("@start", SqlDbType.BigInt).Value = start;
        if (selection.AppIdEnd is { } end) command.Parameters.Add("@end", SqlDbType.BigInt).Value = end;
        if (selection.PartitionCount is int count and > 0)
        {
            command.Parameters.Add("@partitions", SqlDbType.BigInt).Value = count;
            command.Parameters.Add("@partition", SqlDbType.BigInt).Value = selection.PartitionIndex ?? 0;
        }
    }
}

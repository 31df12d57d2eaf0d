using System.Data;
using System.Data.Common;
using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// The source-side SELECTs of every dialect. A page is keyset-paged (after the last app_id seen, never OFFSET) so
/// every page costs the same and a resumed run starts where work remains; page and count both skip rows whose XML is
/// NULL and every app_id already in processing_log (under <see cref="SourceSelection.RetryFailed"/>: every app_id
/// without a failed row), and apply the <see cref="SourceSelection"/>.
/// </summary>
internal static class SourceQuery
{
    public const string Last = "@last";
    public const string PageSize = "@page";

    /// <summary>
    /// Columns: app_id, the XML's stored size in bytes (so the reader can charge a memory budget before it
    /// materialises the text), the XML.
    /// </summary>
    public static string Page(ISqlDialect dialect, CompiledContract contract, SourceSelection selection) =>
        dialect.Page($"s.app_id, {dialect.StoredLength("s." + dialect.Quote(contract.SourceColumn))}, s.{dialect.Quote(contract.SourceColumn)}", Source(dialect, contract),
            $"s.app_id > {Last} AND {Filter(dialect, contract, selection)}", "s.app_id");

    public static string Count(ISqlDialect dialect, CompiledContract contract, SourceSelection selection) =>
        $"SELECT {dialect.CountAll} FROM {Source(dialect, contract)} WHERE {Filter(dialect, contract, selection)}";

    /// <summary>Rows matching the selection whose XML is NULL (runs skip them; summaries count them).</summary>
    public static string NullXmlCount(ISqlDialect dialect, CompiledContract contract, SourceSelection selection) =>
        $"SELECT {dialect.CountAll} FROM {Source(dialect, contract)} WHERE {Filter(dialect, contract, selection, nullXml: true)}";

    private static string Source(ISqlDialect dialect, CompiledContract contract) => $"{dialect.Qualified(contract.TargetSchema, contract.SourceTable)} AS s";

    /// <summary>Partitioning applies only with a positive partition count (a count of 0 would divide by zero).</summary>
    private static bool IsPartitioned(SourceSelection selection) => selection.PartitionCount is > 0;

    private static string Filter(ISqlDialect dialect, CompiledContract contract, SourceSelection selection, bool nullXml = false)
    {
        var parts = new List<string> { $"s.{dialect.Quote(contract.SourceColumn)} IS {(nullXml ? "" : "NOT ")}NULL" };
        if (selection.AppIdStart is not null) parts.Add("s.app_id >= @start");
        if (selection.AppIdEnd is not null) parts.Add("s.app_id <= @end");
        if (IsPartitioned(selection)) parts.Add("s.app_id % @partitions = @partition");
        if (!nullXml) parts.Add(selection.LogCondition(dialect.Qualified(contract.TargetSchema, contract.ProcessingLogTable), dialect.Quote));
        return string.Join("\n  AND ", parts);
    }

    /// <summary>Binds the selection's parameters (bigint, and the run id of <see cref="SourceSelection.RetryRunId"/>).</summary>
    public static void Bind(DbCommand command, SourceSelection selection)
    {
        if (selection is { RetryFailed: true, RetryRunId: { } run })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = SourceSelection.RetryRunParameter;
            parameter.DbType = DbType.String;
            parameter.Value = run;
            command.Parameters.Add(parameter);
        }
        if (selection.AppIdStart is { } start) Add(command, "@start", start);
        if (selection.AppIdEnd is { } end) Add(command, "@end", end);
        if (IsPartitioned(selection))
        {
            Add(command, "@partitions", selection.PartitionCount!.Value);
            Add(command, "@partition", selection.PartitionIndex ?? 0);
        }
    }

    public static DbParameter Add(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.Int64;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

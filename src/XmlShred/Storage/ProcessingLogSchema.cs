using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage;

/// <summary>
/// The one definition of the processing_log table: what one row holds (<see cref="ProcessingLogEntry"/>), as columns
/// every dialect turns into its DDL, and as row groups every writer loads like any other table (COPY, bulk copy,
/// prepared inserts). Besides these columns the table has a generated <c>log_id</c> key.
/// </summary>
internal static class ProcessingLogSchema
{
    public const string LogIdColumn = "log_id";
    public const string AppIdColumn = "app_id";
    public const string ProcessingTimeColumn = "processing_time";

    /// <summary>The written columns, in row order. Keys mark the NOT NULL ones.</summary>
    public static IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new(AppIdColumn, DataType.BigInt, null, true),
        new("status", DataType.String, 20, true),
        new("stage", DataType.String, 40, false),
        new("failure_reason", DataType.String, ProcessingLogEntry.MaxReasonLength, false),
        new(ProcessingTimeColumn, DataType.DateTime, null, true),
        new("session_id", DataType.String, 50, false),
        new("run_id", DataType.String, 64, false),
        new("contract_hash", DataType.String, 64, false),
        new("app_id_start", DataType.BigInt, null, false),
        new("app_id_end", DataType.BigInt, null, false),
        new("duration_ms", DataType.Float, null, false),
    ];

    /// <summary>
    /// The order, within one app_id, in which duplicate rows of an older database are kept: the success row first,
    /// else the newest failed one (the first row wins; the others are deleted when the unique index is created).
    /// </summary>
    public const string KeepFirst = "CASE WHEN status = 'success' THEN 0 ELSE 1 END, log_id DESC";

    /// <summary>The written columns, comma-separated (fixed plain identifiers, unquoted on every dialect).</summary>
    public static string ColumnList { get; } = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary><c>col = {prefix}col</c> for every written column but app_id: a row replaced in place by another.</summary>
    public static string Assignments(string prefix) => string.Join(", ", Columns.Skip(1).Select(c => $"{c.Name} = {prefix}{c.Name}"));

    /// <summary>The processing_log table as a plan (its name comes from the contract).</summary>
    public static TablePlan Plan(CompiledContract contract) => new()
    {
        Name = contract.ProcessingLogTable,
        Kind = TableKind.Application,
        WriteOrder = int.MaxValue,
        Entries = [],
        Columns = Columns,
        KeyColumns = [],
    };

    /// <summary>Entries as one row group over every column; a reason longer than the column is cut.</summary>
    public static TableRowGroup Rows(TablePlan plan, IEnumerable<ProcessingLogEntry> entries)
    {
        var group = new TableRowGroup(plan, Enumerable.Range(0, Columns.Count).ToArray());
        foreach (var entry in entries) group.Rows.Add(Row(entry));
        return group;
    }

    public static object?[] Row(ProcessingLogEntry e)
    {
        var reason = e.FailureReason is { Length: > ProcessingLogEntry.MaxReasonLength } r ? r[..ProcessingLogEntry.MaxReasonLength] : e.FailureReason;
        return [e.AppId, e.Status, e.Stage, reason, e.ProcessingTime, e.SessionId, e.RunId, e.ContractHash, e.AppIdStart, e.AppIdEnd, e.DurationMs];
    }

    /// <summary>
    /// The CREATE TABLE body (column names are fixed plain identifiers, written unquoted), one line per column: the dialect's identity key, then <see cref="Columns"/> with the
    /// dialect's types, NOT NULL on key columns, and processing_time defaulting to the current UTC time.
    /// </summary>
    public static string CreateTableBody(ISqlDialect dialect)
    {
        var lines = new List<string> { $"  {LogIdColumn} {dialect.LogTypes.IdentityKey}" };
        foreach (var column in Columns)
        {
            var isTime = column.Name == ProcessingTimeColumn;
            var type = isTime ? dialect.LogTypes.Timestamp : dialect.SqlType(column);
            var line = $"  {column.Name} {type} {(column.IsKey ? "NOT NULL" : "NULL")}";
            if (isTime && dialect.LogTypes.UtcNowDefault is { } now) line += " DEFAULT " + now;
            lines.Add(line);
        }
        return "(\n" + string.Join(",\n", lines) + "\n)";
    }
}

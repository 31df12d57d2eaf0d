using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>processing_log entries as a row group, so bulk writers load them like any other table (OUTPUT-5).</summary>
public static class ProcessingLogRows
{
    private static readonly ColumnSpec[] s_columns =
    [
        new("app_id", DataType.BigInt, null, false),
        new("status", DataType.String, 20, false),
        new("stage", DataType.String, 40, false),
        new("failure_reason", DataType.String, ProcessingLogEntry.MaxReasonLength, false),
        new("processing_time", DataType.DateTime, null, false),
        new("session_id", DataType.String, 50, false),
        new("run_id", DataType.String, 64, false),
        new("contract_hash", DataType.String, 64, false),
        new("app_id_start", DataType.BigInt, null, false),
        new("app_id_end", DataType.BigInt, null, false),
        new("duration_ms", DataType.Float, null, false),
    ];

    public static TableRowGroup Build(CompiledContract contract, IEnumerable<ProcessingLogEntry> entries)
    {
        var plan = new TablePlan
        {
            Name = contract.ProcessingLogTable,
            Kind = TableKind.Application,
            WriteOrder = int.MaxValue,
            Entries = [],
            Columns = s_columns,
            KeyColumns = [],
        };
        var group = new TableRowGroup(plan, s_columns.Select(c => c.Name).ToArray());
        foreach (var e in entries)
        {
            var reason = e.FailureReason is { Length: > ProcessingLogEntry.MaxReasonLength } r ? r[..ProcessingLogEntry.MaxReasonLength] : e.FailureReason;
            group.Rows.Add([e.AppId, e.Status, e.Stage, reason, e.ProcessingTime, e.SessionId, e.RunId, e.ContractHash, e.AppIdStart, e.AppIdEnd, e.DurationMs]);
        }
        return group;
    }
}

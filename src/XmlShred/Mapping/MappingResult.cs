namespace XmlShred.Mapping;

public enum MappingOutcome
{
    /// <summary>Rows were produced (possibly only the application row).</summary>
    Mapped,
    /// <summary>Pre-processing validation failed (REJECT-1 to REJECT-5); only a failed processing_log row is written.</summary>
    Rejected,
}

/// <summary>What mapping one document produced: its rows in write order, or the reason it was rejected.</summary>
public sealed class MappingResult
{
    private MappingResult(long? appId, MappingOutcome outcome, string? stage, string? reason, IReadOnlyList<MappedTable> tables, IReadOnlyList<string> warnings)
    {
        AppId = appId;
        Outcome = outcome;
        FailureStage = stage;
        Reason = reason;
        Tables = tables;
        Warnings = warnings;
    }

    /// <summary>The validated <c>Request/@ID</c>; null when the document has none.</summary>
    public long? AppId { get; }
    public MappingOutcome Outcome { get; }
    /// <summary>processing_log stage of a rejection: <c>validation</c>, <c>parsing</c> or <c>mapping</c>.</summary>
    public string? FailureStage { get; }
    /// <summary>Why the document was rejected, naming the rule and the offending value.</summary>
    public string? Reason { get; }
    /// <summary>Tables with at least one row, in write order.</summary>
    public IReadOnlyList<MappedTable> Tables { get; }
    /// <summary>Data-quality warnings (REJECT-5, OUTPUT-8); they never block the application.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public int RowCount
    {
        get
        {
            var count = 0;
            foreach (var table in Tables) count += table.Rows.Count;
            return count;
        }
    }

    public static MappingResult Mapped(long appId, IReadOnlyList<MappedTable> tables, IReadOnlyList<string> warnings) =>
        new(appId, MappingOutcome.Mapped, null, null, tables, warnings);

    public static MappingResult Rejected(long? appId, string stage, string reason, IReadOnlyList<string> warnings) =>
        new(appId, MappingOutcome.Rejected, stage, reason, [], warnings);
}

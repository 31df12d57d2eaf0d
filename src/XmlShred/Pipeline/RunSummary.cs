using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>The outcome of one run, as printed and as turned into the exit code.</summary>
public sealed record RunSummary
{
    public required string RunId { get; init; }
    public required PipelineMode Mode { get; init; }
    public required long Read { get; init; }
    public required long Succeeded { get; init; }
    public required long Failed { get; init; }
    public required long RowsWritten { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>The run stopped early on request (first Ctrl+C); everything read was still written.</summary>
    public required bool Interrupted { get; init; }
    public required IReadOnlyDictionary<string, long> FailuresByStage { get; init; }
    public required IReadOnlyList<ProcessingLogEntry> FailureExamples { get; init; }
    /// <summary>Source rows of the selection with NULL XML: skipped (no processing_log row), counted so they are never invisible.</summary>
    public long SkippedNullXml { get; init; }

    public long Processed => Succeeded + Failed;
    public double AppsPerSecond => Processed / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>0 all succeeded; 3 completed with failed applications; 130 interrupted.</summary>
    public int ExitCode => Interrupted ? ExitCodes.Interrupted : Failed > 0 ? ExitCodes.SomeApplicationsFailed : ExitCodes.Success;
}

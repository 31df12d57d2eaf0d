using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>What one run did, as printed and reported; <see cref="Outcome"/> says how it ended.</summary>
public sealed record RunSummary
{
    public required string RunId { get; init; }
    public required PipelineMode Mode { get; init; }
    public required long Read { get; init; }
    public required long Succeeded { get; init; }
    public required long Failed { get; init; }
    /// <summary>Applications read here that another instance had already logged: neither written nor logged by this run.</summary>
    public long DoneElsewhere { get; init; }
    /// <summary>Applications of chunks whose lease another instance took over before they were written (the new holder does them).</summary>
    public long Dropped { get; init; }
    public required long RowsWritten { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>The run stopped early on request (first Ctrl+C); everything read was still written.</summary>
    public required bool Interrupted { get; init; }
    public required IReadOnlyDictionary<string, long> FailuresByStage { get; init; }
    public required IReadOnlyList<ProcessingLogEntry> FailureExamples { get; init; }
    /// <summary>Source rows of the selection with NULL XML: skipped (no processing_log row), counted so they are never invisible.</summary>
    public long SkippedNullXml { get; init; }
    /// <summary>Transient database faults that were retried (each one a batch, writer connection or page sent again).</summary>
    public int Retries { get; init; }
    /// <summary>Time the run spent waiting out database outages (first fault to recovery or give-up, summed).</summary>
    public TimeSpan OutageTime { get; init; }
    /// <summary>Why the run stopped before the end (a database outage longer than the retry time); null when it did not.</summary>
    public string? StoppedBy { get; init; }

    public long Processed => Succeeded + Failed;
    public double AppsPerSecond => Processed / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>An outage stop outranks an interruption, which outranks failed applications.</summary>
    public RunOutcome Outcome => StoppedBy is not null ? RunOutcome.StoppedByOutage
        : Interrupted ? RunOutcome.Interrupted
        : Failed > 0 ? RunOutcome.SomeApplicationsFailed
        : RunOutcome.AllSucceeded;
}

namespace XmlShred.Storage;

/// <summary>Which source rows a run considers (besides skipping every app_id already in processing_log).</summary>
public sealed record SourceSelection
{
    public long? AppIdStart { get; init; }
    public long? AppIdEnd { get; init; }
    /// <summary>Scale-out shard: only app_ids with <c>app_id % PartitionCount == PartitionIndex</c>.</summary>
    public int? PartitionIndex { get; init; }
    public int? PartitionCount { get; init; }
    /// <summary>Stop after this many applications.</summary>
    public long? Limit { get; init; }
    /// <summary>Instead of rows without a processing_log row, the rows whose log row is <c>failed</c> (<c>--retry-failed</c>).</summary>
    public bool RetryFailed { get; init; }
    /// <summary>With <see cref="RetryFailed"/>: failed rows written by this run are not work again (each failure is retried once per run).</summary>
    public string? RetryRunId { get; init; }

    /// <summary>The parameter <see cref="LogCondition"/> compares run_id with.</summary>
    public const string RetryRunParameter = "@retry_run";

    /// <summary>The processing_log condition on source row <c>s</c>, given the qualified log table and how identifiers are quoted.</summary>
    public string LogCondition(string log, Func<string, string> quote) => RetryFailed
        ? $"EXISTS (SELECT 1 FROM {log} AS l WHERE l.{quote("app_id")} = s.{quote("app_id")} AND l.{quote("status")} = 'failed'"
          + (RetryRunId is null ? ")" : $" AND (l.{quote("run_id")} IS NULL OR l.{quote("run_id")} <> {RetryRunParameter}))")
        : $"NOT EXISTS (SELECT 1 FROM {log} AS l WHERE l.{quote("app_id")} = s.{quote("app_id")})";

    public static SourceSelection All { get; } = new();
}

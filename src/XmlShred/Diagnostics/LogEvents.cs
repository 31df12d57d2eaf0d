using Microsoft.Extensions.Logging;

namespace XmlShred.Diagnostics;

/// <summary>
/// Every log event XmlShred raises, with its id, in one place (source-generated, so a disabled level costs nothing).
/// Ids are stable: scripts and log queries may rely on them. Ranges: 1000 run, 1100 batch writer, 1200 retries,
/// 1300 fleet claims. Never pass a connection string or document content: callers give display names that are
/// already redacted, app_ids and database messages.
/// </summary>
public static partial class LogEvents
{
    /// <summary>The logger category every event is written under (<c>--log-level</c> filters on it).</summary>
    public const string Category = "XmlShred";

    [LoggerMessage(EventId = 1000, EventName = "RunStarted", Level = LogLevel.Information,
        Message = "Run {RunId} started: pending applications {Pending}, target {Target}, mode {Mode}, workers {Workers}, batch size {BatchSize}")]
    public static partial void RunStarted(this ILogger logger, string runId, long pending, string target, string mode, int workers, int batchSize);

    [LoggerMessage(EventId = 1001, EventName = "RunFinished", Level = LogLevel.Information,
        Message = "Run {RunId} finished: succeeded {Succeeded}, failed {Failed}, rows written {RowsWritten}, seconds {ElapsedSeconds:0.0}, interrupted {Interrupted}, exit code {ExitCode}")]
    public static partial void RunFinished(this ILogger logger, string runId, long succeeded, long failed, long rowsWritten, double elapsedSeconds, bool interrupted, int exitCode);

    [LoggerMessage(EventId = 1100, EventName = "BatchSplit", Level = LogLevel.Warning,
        Message = "Batch rolled back (applications {Count}, app_id {FirstAppId}..{LastAppId}; {ErrorType}: {Reason}); writing its halves to isolate the failing application")]
    public static partial void BatchSplit(this ILogger logger, int count, long firstAppId, long lastAppId, string errorType, string reason);

    [LoggerMessage(EventId = 1101, EventName = "ApplicationIsolated", Level = LogLevel.Warning,
        Message = "Application {AppId} isolated and logged as failed at stage {Stage}: {Reason}")]
    public static partial void ApplicationIsolated(this ILogger logger, long appId, string stage, string reason);

    /// <summary>For transient-fault retries (e.g. a Polly pipeline's OnRetry): what is retried, which attempt, after how long.</summary>
    [LoggerMessage(EventId = 1200, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "{Operation} failed ({ErrorType}: {Reason}); retry {Attempt} in {DelayMs} ms")]
    public static partial void RetryScheduled(this ILogger logger, string operation, int attempt, double delayMs, string errorType, string reason);

    /// <summary>For the fleet: this worker's claim on a range of applications expired or was taken over; its work is abandoned.</summary>
    [LoggerMessage(EventId = 1300, EventName = "LeaseLost", Level = LogLevel.Error,
        Message = "Lease {LeaseId} held by {Owner} lost ({Reason}); the uncommitted work of this claim is abandoned")]
    public static partial void LeaseLost(this ILogger logger, string leaseId, string owner, string reason);
}

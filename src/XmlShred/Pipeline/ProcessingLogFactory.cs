using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>Builds the processing_log rows of one run: same run id, session id, contract hash and range on every row.</summary>
internal sealed class ProcessingLogFactory
{
    private readonly RunOptions _options;
    private readonly string _contractHash;

    public ProcessingLogFactory(RunOptions options, string contractHash)
    {
        _options = options;
        _contractHash = contractHash;
    }

    public ProcessingLogEntry Success(long appId, double durationMs) => new()
    {
        AppId = appId,
        Status = ProcessingLogEntry.Success,
        ProcessingTime = DateTime.UtcNow,
        SessionId = _options.SessionId,
        RunId = _options.RunId,
        ContractHash = _contractHash,
        AppIdStart = _options.Selection.AppIdStart,
        AppIdEnd = _options.Selection.AppIdEnd,
        DurationMs = durationMs,
    };

    /// <summary>A failed row; the reason is <c>"&lt;stage&gt;: &lt;message&gt;"</c> cut to 500 characters (OUTPUT-5).</summary>
    public ProcessingLogEntry Failure(long appId, string stage, string message, double durationMs) =>
        Success(appId, durationMs) with { Status = ProcessingLogEntry.Failed, Stage = stage, FailureReason = Reason(stage, message) };

    /// <summary>Turns a success row into the failed row written after its batch was rolled back.</summary>
    public static ProcessingLogEntry Failed(ProcessingLogEntry success, string stage, string message) =>
        success with { Status = ProcessingLogEntry.Failed, Stage = stage, FailureReason = Reason(stage, message), ProcessingTime = DateTime.UtcNow };

    public static string Reason(string stage, string message)
    {
        var text = message.StartsWith(stage + ":", StringComparison.Ordinal) ? message : stage + ": " + message;
        return text.Length <= ProcessingLogEntry.MaxReasonLength ? text : text[..ProcessingLogEntry.MaxReasonLength];
    }
}

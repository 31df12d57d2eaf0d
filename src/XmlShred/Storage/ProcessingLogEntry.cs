namespace XmlShred.Storage;

/// <summary>One processing_log row (OUTPUT-5): what happened to one application in one run.</summary>
public sealed record ProcessingLogEntry
{
    public required long AppId { get; init; }
    /// <summary><c>success</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }
    /// <summary>validation, parsing, mapping, insertion, constraint_violation, database, unknown; null on success.</summary>
    public string? Stage { get; init; }
    /// <summary><c>"&lt;stage&gt;: &lt;detail&gt;"</c>, at most 500 characters; null on success.</summary>
    public string? FailureReason { get; init; }
    public required DateTime ProcessingTime { get; init; }
    public required string SessionId { get; init; }
    public required string RunId { get; init; }
    public required string ContractHash { get; init; }
    public long? AppIdStart { get; init; }
    public long? AppIdEnd { get; init; }
    public double DurationMs { get; init; }

    /// <summary>
    /// Not a column: the claimed chunk this application was read under. The batch transaction that writes this row
    /// first checks that the lease is still this instance's (the fence), so a holder that lost its chunk writes nothing.
    /// </summary>
    public Fleet.ChunkLease? Lease { get; init; }

    public const string Success = "success";
    public const string Failed = "failed";
    public const int MaxReasonLength = 500;
}

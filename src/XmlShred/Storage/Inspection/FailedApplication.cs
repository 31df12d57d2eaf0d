namespace XmlShred.Storage.Inspection;

/// <summary>An application whose latest processing_log row says failed (and that has no success row).</summary>
public sealed record FailedApplication(long AppId, string? Stage, string? Reason, DateTime ProcessingTime, string? RunId);

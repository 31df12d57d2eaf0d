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

    public static SourceSelection All { get; } = new();
}

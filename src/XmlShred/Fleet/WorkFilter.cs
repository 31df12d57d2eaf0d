using XmlShred.Storage;

namespace XmlShred.Fleet;

/// <summary>
/// What counts as work for one run: source rows with XML, matching the selection, and either without a
/// processing_log row (a normal run) or with a failed one (<c>--retry-failed</c>). A chunk is claimable only
/// while it holds such work, so instances with different selections never claim chunks that hold nothing for them.
/// </summary>
/// <param name="RunId">With <paramref name="RetryFailed"/>: failed rows this run wrote are not work again (no retry loop within a run).</param>
public sealed record WorkFilter(SourceSelection Selection, bool RetryFailed, string? RunId = null)
{
    public static WorkFilter Everything { get; } = new(SourceSelection.All, false);

    /// <summary>The same rows without the selection: what must be empty before a chunk counts as done.</summary>
    public static WorkFilter Unselected { get; } = Everything;
}

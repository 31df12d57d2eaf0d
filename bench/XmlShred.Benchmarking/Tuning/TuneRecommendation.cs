namespace XmlShred.Benchmarking.Tuning;

/// <summary>What the sweep concludes, in structured form (tune.json) and in words (tune.md).</summary>
public sealed record TuneRecommendation
{
    /// <summary>The fastest point whose peak RSS stays within the memory cap (or the leanest point when none does).</summary>
    public required TuneSettings? Best { get; init; }
    public required double BestAppsPerSecond { get; init; }
    public required double BestPeakRssMb { get; init; }
    public required bool WithinMemoryCap { get; init; }
    /// <summary>The stage that limits the best point, and the evidence.</summary>
    public required string Bottleneck { get; init; }
    /// <summary>Where adding workers, batch size or queue stops paying.</summary>
    public required IReadOnlyList<string> Saturation { get; init; }
    /// <summary>What to try on a machine with more cores.</summary>
    public required string MoreCores { get; init; }
    /// <summary>The command line that applies the recommendation.</summary>
    public required string Command { get; init; }
}

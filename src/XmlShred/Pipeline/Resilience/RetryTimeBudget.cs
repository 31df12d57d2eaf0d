namespace XmlShred.Pipeline.Resilience;

/// <summary>
/// How long one outage may last before the run gives up, and the backoff between attempts (exponential from
/// <see cref="FirstDelay"/>, capped at <see cref="MaxDelay"/>, jittered). The last attempt starts before the budget
/// is used up, so giving up takes at most budget + <see cref="MaxDelay"/> + one attempt.
/// </summary>
public sealed record RetryTimeBudget
{
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public static RetryTimeBudget Default { get; } = new();

    /// <summary>No retry at all (<c>--retry-seconds 0</c>).</summary>
    public static RetryTimeBudget Disabled { get; } = new() { Budget = TimeSpan.Zero };

    public static RetryTimeBudget Seconds(double seconds) => seconds <= 0 ? Disabled : Default with { Budget = TimeSpan.FromSeconds(seconds) };
}

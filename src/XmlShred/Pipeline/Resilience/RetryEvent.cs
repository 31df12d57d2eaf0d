namespace XmlShred.Pipeline.Resilience;

public enum RetryEventKind
{
    /// <summary>A transient fault; the operation runs again after <see cref="RetryEvent.Delay"/>.</summary>
    Retrying,
    /// <summary>The operation succeeded after <see cref="RetryEvent.Failures"/> transient faults.</summary>
    Recovered,
    /// <summary>The outage outlasted the retry time: the run stops.</summary>
    GaveUp,
}

/// <summary>One step of a retried operation, for the log and the run's metrics.</summary>
/// <param name="Failures">Failed attempts so far in this outage.</param>
/// <param name="Outage">Time since the outage's first failure.</param>
/// <param name="Fault">The latest fault in one line (<see cref="TransientRetry.Describe"/>).</param>
public sealed record RetryEvent(RetryEventKind Kind, string Operation, int Failures, TimeSpan Outage, TimeSpan Delay, string Fault)
{
    /// <summary>How long the latest attempt ran (the failed one, or the one that succeeded).</summary>
    public TimeSpan LastAttempt { get; init; }

    public override string ToString() => Kind switch
    {
        RetryEventKind.Retrying => $"database fault while {Operation}: {Fault}; retry {Failures} in {Delay.TotalSeconds:0.0} s (outage {Outage.TotalSeconds:0.0} s)",
        RetryEventKind.Recovered => $"database back: {Operation} succeeded after {Failures} failed attempt(s), outage {Outage.TotalSeconds:0.0} s (the successful attempt took {LastAttempt.TotalSeconds:0.0} s)",
        _ => $"database still unavailable after {Outage.TotalSeconds:0.0} s and {Failures} attempt(s) while {Operation}: {Fault}",
    };
}

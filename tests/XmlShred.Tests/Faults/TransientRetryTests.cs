using XmlShred.Pipeline.Resilience;

namespace XmlShred.Tests.Faults;

/// <summary>The retry loop itself: what it repeats, what it passes through, and when it gives up.</summary>
public sealed class TransientRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Flaky : Exception
    {
        public Flaky() : base("connection reset") { }
    }

    private static readonly RetryTimeBudget s_fast = new() { Budget = TimeSpan.FromSeconds(10), FirstDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };

    private static TransientRetry Retry(RetryTimeBudget budget, List<RetryEvent> events) => new(e => e is Flaky, budget, e => events.Add(e));

    [Fact]
    public async Task TransientFaults_AreRepeatedUntilTheOperationSucceeds()
    {
        var events = new List<RetryEvent>();
        var attempts = 0;

        var result = await Retry(s_fast, events).ExecuteAsync("writing a batch", _ => ++attempts < 4 ? throw new Flaky() : Task.FromResult(42), Ct);

        Assert.Equal((42, 4), (result, attempts));
        Assert.Equal([RetryEventKind.Retrying, RetryEventKind.Retrying, RetryEventKind.Retrying, RetryEventKind.Recovered], events.Select(e => e.Kind));
        Assert.Equal([1, 2, 3], events.Take(3).Select(e => e.Failures));
        Assert.Equal(3, events[^1].Failures);
        Assert.Contains("writing a batch", events[0].ToString());
        Assert.Contains("connection reset", events[0].ToString());
    }

    [Fact]
    public async Task Backoff_GrowsExponentially_UpToTheMaximumDelay()
    {
        var events = new List<RetryEvent>();
        var budget = new RetryTimeBudget { Budget = TimeSpan.FromSeconds(30), FirstDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(40) };
        var attempts = 0;

        await Retry(budget, events).ExecuteAsync("x", _ => ++attempts < 12 ? throw new Flaky() : Task.FromResult(0), Ct);

        var delays = events.Where(e => e.Kind == RetryEventKind.Retrying).Select(e => e.Delay).ToList();
        Assert.Equal(11, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, budget.MaxDelay));
        // Jittered, so not strictly increasing, but the late delays are far above the first.
        Assert.True(delays.Skip(8).Average(d => d.TotalMilliseconds) > 5 * delays[0].TotalMilliseconds, string.Join(", ", delays));
    }

    [Fact]
    public async Task OtherFaults_PassThroughAtOnce()
    {
        var events = new List<RetryEvent>();
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidDataException>(() => Retry(s_fast, events).ExecuteAsync<int>("x", _ =>
        {
            attempts++;
            throw new InvalidDataException("constraint violated");
        }, Ct));

        Assert.Equal(1, attempts);
        Assert.Empty(events);
    }

    [Fact]
    public async Task AnOutageLongerThanTheBudget_EndsInDatabaseUnavailable()
    {
        var events = new List<RetryEvent>();
        var budget = s_fast with { Budget = TimeSpan.FromMilliseconds(300) };
        var attempts = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => Retry(budget, events).ExecuteAsync<int>("writing a batch", _ =>
        {
            attempts++;
            throw new Flaky();
        }, Ct));

        Assert.True(attempts > 2, $"{attempts} attempts");
        Assert.Equal(attempts, error.Attempts);
        Assert.True(error.Outage >= budget.Budget, $"gave up after {error.Outage}");
        Assert.IsType<Flaky>(error.InnerException);
        Assert.Contains("writing a batch", error.Message);
        Assert.Equal(RetryEventKind.GaveUp, events[^1].Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "bounded");
    }

    [Fact]
    public async Task Disabled_TheFirstTransientFaultIsFinal()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<DatabaseUnavailableException>(() => Retry(RetryTimeBudget.Disabled, []).ExecuteAsync<int>("x", _ =>
        {
            attempts++;
            throw new Flaky();
        }, Ct));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Cancellation_EndsTheWaitBetweenAttempts()
    {
        using var cancel = new CancellationTokenSource();
        var slow = new RetryTimeBudget { Budget = TimeSpan.FromMinutes(5), FirstDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(1) };
        var attempts = 0;

        var run = Retry(slow, []).ExecuteAsync<int>("x", _ =>
        {
            attempts++;
            cancel.CancelAfter(50);
            throw new Flaky();
        }, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public void Seconds_ZeroOrLessDisablesRetrying_DefaultIsAtLeastAMinute()
    {
        Assert.Equal(TimeSpan.Zero, RetryTimeBudget.Seconds(0).Budget);
        Assert.Equal(TimeSpan.FromSeconds(90), RetryTimeBudget.Seconds(90).Budget);
        Assert.True(RetryTimeBudget.Default.Budget >= TimeSpan.FromSeconds(60));
        Assert.True(new XmlShred.Pipeline.RunOptions().Retry.Budget >= TimeSpan.FromSeconds(60));
    }
}

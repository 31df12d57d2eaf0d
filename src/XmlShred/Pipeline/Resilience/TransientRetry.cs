using System.Diagnostics;
using Polly;
using Polly.Retry;

namespace XmlShred.Pipeline.Resilience;

/// <summary>
/// Runs one database operation (a whole batch transaction, opening the writer, reading a source page) and repeats it
/// while it fails with a transient fault: exponential backoff with jitter (Polly), for at most
/// <see cref="RetryTimeBudget.Budget"/> of one continuous outage. Each attempt must start from scratch (new
/// connection, new transaction); the callers guarantee that. Anything not transient passes through untouched, so a
/// data error still reaches the bisector. When the outage outlasts the budget, <see cref="DatabaseUnavailableException"/>.
/// </summary>
internal sealed class TransientRetry
{
    private static readonly ResiliencePropertyKey<long> s_outageStart = new("xmlshred.outage-start");
    private static readonly ResiliencePropertyKey<int> s_failures = new("xmlshred.failures");
    private static readonly ResiliencePropertyKey<Exception> s_lastFault = new("xmlshred.last-fault");
    private static readonly ResiliencePropertyKey<long> s_attemptStart = new("xmlshred.attempt-start");

    private readonly Func<Exception, bool> _isTransient;
    private readonly RetryTimeBudget _budget;
    private readonly ResiliencePipeline _pipeline;
    private readonly Action<RetryEvent>? _observer;

    public TransientRetry(Func<Exception, bool> isTransient, RetryTimeBudget budget, Action<RetryEvent>? observer = null)
    {
        _isTransient = isTransient;
        _budget = budget;
        _observer = observer;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && ShouldRetry(args.Context, ex)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = budget.FirstDelay,
                MaxDelay = budget.MaxDelay,
                // The time budget ends the loop (ShouldRetry), not a count.
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    _observer?.Invoke(new RetryEvent(RetryEventKind.Retrying, Operation(args.Context), args.AttemptNumber + 1,
                        OutageSoFar(args.Context), args.RetryDelay, Describe(args.Outcome.Exception)) { LastAttempt = args.Duration });
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>No retries: every fault surfaces at once (transient ones as <see cref="DatabaseUnavailableException"/>).</summary>
    public static TransientRetry None(Func<Exception, bool> isTransient) => new(isTransient, RetryTimeBudget.Disabled);

    public RetryTimeBudget Budget => _budget;

    public bool IsTransient(Exception exception) => _isTransient(exception);

    private static readonly ResiliencePropertyKey<string> s_operation = new("xmlshred.operation");

    /// <param name="operation">What is being done, for messages: "writing a batch of 500 applications".</param>
    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_operation, operation);
        try
        {
            var result = await _pipeline.ExecuteAsync(static async (ctx, work) =>
            {
                ctx.Properties.Set(s_attemptStart, Stopwatch.GetTimestamp());
                return await work(ctx.CancellationToken).ConfigureAwait(false);
            }, context, attempt).ConfigureAwait(false);
            if (context.Properties.TryGetValue(s_failures, out var failures))
            {
                _observer?.Invoke(new RetryEvent(RetryEventKind.Recovered, operation, failures, OutageSoFar(context), TimeSpan.Zero,
                    Describe(context.Properties.GetValue(s_lastFault, null!))) { LastAttempt = Stopwatch.GetElapsedTime(context.Properties.GetValue(s_attemptStart, 0)) });
            }
            return result;
        }
        catch (Exception ex) when (_isTransient(ex))
        {
            var outage = OutageSoFar(context);
            var failures = context.Properties.GetValue(s_failures, 1);
            _observer?.Invoke(new RetryEvent(RetryEventKind.GaveUp, operation, failures, outage, TimeSpan.Zero, Describe(ex)));
            throw new DatabaseUnavailableException(operation, outage, failures, _budget.Budget, Describe(ex), ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public Task ExecuteAsync(string operation, Func<CancellationToken, Task> attempt, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, async ct =>
        {
            await attempt(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private bool ShouldRetry(ResilienceContext context, Exception exception)
    {
        if (!_isTransient(exception)) return false;
        // The outage starts at its first failure; retrying stops once it has lasted the whole budget.
        if (!context.Properties.TryGetValue(s_outageStart, out _)) context.Properties.Set(s_outageStart, Stopwatch.GetTimestamp());
        context.Properties.Set(s_failures, context.Properties.GetValue(s_failures, 0) + 1);
        context.Properties.Set(s_lastFault, exception);
        return OutageSoFar(context) < _budget.Budget;
    }

    private static string Operation(ResilienceContext context) => context.Properties.GetValue(s_operation, "a database operation");

    private static TimeSpan OutageSoFar(ResilienceContext context) =>
        context.Properties.TryGetValue(s_outageStart, out var start) ? Stopwatch.GetElapsedTime(start) : TimeSpan.Zero;

    /// <summary>
    /// The fault in one line: type and message, and the innermost cause of a wrapped I/O error. Provider messages
    /// name the server and the error, never the password.
    /// </summary>
    public static string Describe(Exception? exception)
    {
        if (exception is null) return "";
        var text = $"{exception.GetType().Name}: {exception.Message}";
        var inner = exception.InnerException;
        while (inner?.InnerException is not null) inner = inner.InnerException;
        if (inner is not null && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)) text += $" ({inner.GetType().Name}: {inner.Message})";
        return text.ReplaceLineEndings(" ");
    }
}

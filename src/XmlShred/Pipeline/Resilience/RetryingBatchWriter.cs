using XmlShred.Contract;
using XmlShred.Storage;

namespace XmlShred.Pipeline.Resilience;

/// <summary>
/// Wraps a dialect's writer so each batch transaction is retried whole on a transient fault. The dialect writer
/// rolls back and drops its connection when a batch fails, so every attempt reconnects and starts a fresh
/// transaction. Before a repeat, applications that already have a processing_log row are left out: the COMMIT of
/// the failed attempt may have reached the server before the connection broke. The exactly-once gate would drop them
/// anyway, but as "done elsewhere"; the lookup keeps them counted as this run's. So a retry neither loses an
/// application nor writes one twice. Data errors are not retried; they surface to the bisector as before.
/// </summary>
internal sealed class RetryingBatchWriter : IBatchWriter
{
    private readonly IBatchWriter _inner;
    private readonly TransientRetry _retry;
    private readonly CompiledContract _contract;
    private readonly IProcessingLogLookup? _log;

    public RetryingBatchWriter(IBatchWriter inner, TransientRetry retry, CompiledContract contract, IProcessingLogLookup? log)
    {
        _inner = inner;
        _retry = retry;
        _contract = contract;
        _log = log;
    }

    /// <summary>Opens the dialect's writer (retrying while the database is unreachable) and wraps it.</summary>
    public static async Task<IBatchWriter> OpenAsync(ITargetDatabase database, CompiledContract contract, TransientRetry retry, CancellationToken cancellationToken)
    {
        var inner = await retry.ExecuteAsync("connecting the writer", ct => database.OpenWriterAsync(contract, ct), cancellationToken).ConfigureAwait(false);
        return new RetryingBatchWriter(inner, retry, contract, database as IProcessingLogLookup);
    }

    public Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
    {
        var failedBefore = false;
        return _retry.ExecuteAsync($"writing a batch of {batch.Count} application(s)", async ct =>
        {
            var pending = failedBefore ? await NotLoggedAsync(batch, w => w.AppId, ct).ConfigureAwait(false) : batch;
            if (pending.Count == 0) return default;
            try
            {
                return await _inner.WriteBatchAsync(pending, ct).ConfigureAwait(false);
            }
            catch
            {
                failedBefore = true;
                throw;
            }
        }, cancellationToken);
    }

    public Fleet.ClaimContext? Claims
    {
        get => _inner.Claims;
        set => _inner.Claims = value;
    }

    public Task<IReadOnlyCollection<long>> WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken)
    {
        var failedBefore = false;
        return _retry.ExecuteAsync<IReadOnlyCollection<long>>($"writing {entries.Count} failed application log row(s)", async ct =>
        {
            var pending = failedBefore ? await NotLoggedAsync(entries, e => e.AppId, ct).ConfigureAwait(false) : entries;
            // Rows logged by the attempt whose COMMIT went through count as written by this run.
            var committedBefore = entries.Where(e => !pending.Contains(e)).Select(e => e.AppId);
            if (pending.Count == 0) return [.. committedBefore];
            try
            {
                return [.. committedBefore, .. await _inner.WriteFailuresAsync(pending, ct).ConfigureAwait(false)];
            }
            catch
            {
                failedBefore = true;
                throw;
            }
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> NotLoggedAsync<T>(IReadOnlyList<T> items, Func<T, long> appId, CancellationToken cancellationToken)
    {
        if (_log is null) return items;
        var logged = await _log.LoggedAppIdsAsync(_contract, items.Select(appId).ToArray(), cancellationToken).ConfigureAwait(false);
        return logged.Count == 0 ? items : items.Where(i => !logged.Contains(appId(i))).ToArray();
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}

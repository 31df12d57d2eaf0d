using System.Collections.Concurrent;
using System.Diagnostics;

namespace XmlShred.Fleet;

/// <summary>
/// Renews every lease this instance holds on a timer of its own (never starved by mapping work), and refreshes the
/// instance row <c>status</c> reads. A renewal that matches no row means the chunk was taken over: the lease is
/// dropped and <see cref="LeaseLost"/> fires, so the pipeline stops writing that chunk. Renewals that keep failing
/// (database unreachable) for a whole lease length count as lost too: by then another instance may own the chunk.
/// </summary>
public sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly ClaimStore _store;
    private readonly Func<long> _processed;
    private readonly SemaphoreSlim? _gate;
    private readonly ConcurrentDictionary<long, Held> _held = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<(TimeSpan At, long Processed)> _samples = new();
    private Task? _loop;

    private sealed class Held(ChunkLease lease, TimeSpan renewedAt)
    {
        public ChunkLease Lease { get; } = lease;
        public TimeSpan RenewedAt { get; set; } = renewedAt;
    }

    /// <param name="processed">Applications this instance has finished so far (for the recent rate).</param>
    /// <param name="gate">Held around each renewal; the batch writer holds it around its transaction, whose fence check renews too.</param>
    public LeaseKeeper(ClaimStore store, Func<long> processed, SemaphoreSlim? gate = null)
    {
        _store = store;
        _processed = processed;
        _gate = gate;
    }

    /// <summary>Raised (on the keeper's task) for each lease found lost. Handlers must be quick.</summary>
    public event Action<ChunkLease, string>? LeaseLost;

    public int HeldCount => _held.Count;

    public void Track(ChunkLease lease) => _held[lease.ChunkId] = new Held(lease, _clock.Elapsed);

    /// <summary>Stops renewing (after finish or release).</summary>
    public void Forget(ChunkLease lease)
    {
        if (_held.TryGetValue(lease.ChunkId, out var held) && held.Lease.Fence == lease.Fence) _held.TryRemove(new KeyValuePair<long, Held>(lease.ChunkId, held));
    }

    /// <summary>Marks a lease as freshly renewed (a batch's fence check renewed it inside its transaction).</summary>
    public void Renewed(ChunkLease lease)
    {
        if (_held.TryGetValue(lease.ChunkId, out var held) && held.Lease.Fence == lease.Fence) held.RenewedAt = _clock.Elapsed;
    }

    public bool IsHeld(ChunkLease lease) => _held.TryGetValue(lease.ChunkId, out var held) && held.Lease.Fence == lease.Fence;

    public void Start() => _loop ??= Task.Run(() => LoopAsync(_stop.Token));

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_store.Options.HeartbeatInterval);
        await BeatInstanceAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await RenewAllAsync(cancellationToken).ConfigureAwait(false);
                await BeatInstanceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    /// <summary>One round of renewals (the timer calls it; tests call it directly).</summary>
    public async Task RenewAllAsync(CancellationToken cancellationToken)
    {
        foreach (var held in _held.Values.ToList())
        {
            string? lost = null;
            try
            {
                if (_gate is not null) await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!IsHeld(held.Lease)) continue; // finished while we waited for the gate
                    if (await _store.RenewAsync(held.Lease, cancellationToken).ConfigureAwait(false)) held.RenewedAt = _clock.Elapsed;
                    else lost = "taken over by another instance (owner or fence changed)";
                }
                finally
                {
                    _gate?.Release();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (_clock.Elapsed - held.RenewedAt >= _store.Options.LeaseLength)
                    lost = $"not renewed for {_store.Options.LeaseLength.TotalSeconds:0.#} s ({ex.GetType().Name}: {ex.Message})";
            }
            if (lost is not null && _held.TryRemove(new KeyValuePair<long, Held>(held.Lease.ChunkId, held)))
                LeaseLost?.Invoke(held.Lease, lost);
        }
    }

    /// <summary>Applications per second over roughly the last minute.</summary>
    public double RecentRate()
    {
        var now = _clock.Elapsed;
        var processed = _processed();
        lock (_samples)
        {
            _samples.Enqueue((now, processed));
            while (_samples.Count > 2 && now - _samples.Peek().At > TimeSpan.FromMinutes(1)) _samples.Dequeue();
            var (at, first) = _samples.Peek();
            var seconds = (now - at).TotalSeconds;
            return seconds > 0 ? (processed - first) / seconds : 0;
        }
    }

    private async Task BeatInstanceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _store.BeatInstanceAsync(_processed(), RecentRate(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only status reads this row; a missed beat costs nothing but an older heartbeat age.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }
        _stop.Dispose();
    }
}

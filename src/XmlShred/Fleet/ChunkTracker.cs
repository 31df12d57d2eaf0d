namespace XmlShred.Fleet;

/// <summary>
/// Follows each claimed chunk from claim to settlement: how many of its applications are still between the
/// reader and a commit, whether the reader has read all of its work, and whether its lease was lost. When the last
/// application of a fully read chunk is resolved, the chunk is finished (done, or pending for others' work); a
/// chunk left part-read (stop, limit) is released at once instead of waiting for its lease to expire.
/// Thread-safe: the reader and the writer call it from their own tasks.
/// </summary>
public sealed class ChunkTracker
{
    private readonly ClaimStore _store;
    private readonly LeaseKeeper _keeper;
    private readonly Pipeline.Resilience.TransientRetry? _retry;
    private readonly Dictionary<long, Entry> _entries = [];
    private readonly object _lock = new();
    private long _settled;

    private sealed class Entry(ChunkLease lease)
    {
        public ChunkLease Lease { get; } = lease;
        public long Outstanding { get; set; }
        public bool ReadingDone { get; set; }
        public bool Complete { get; set; } = true;
        public bool Lost { get; set; }
    }

    public ChunkTracker(ClaimStore store, LeaseKeeper keeper)
        : this(store, keeper, null)
    {
    }

    /// <param name="retry">Finishing a chunk rides out transient faults like the writer does (a release stays best effort).</param>
    internal ChunkTracker(ClaimStore store, LeaseKeeper keeper, Pipeline.Resilience.TransientRetry? retry)
    {
        _store = store;
        _keeper = keeper;
        _retry = retry;
        keeper.LeaseLost += (lease, _) => Lost(lease);
    }

    /// <summary>Chunks finished or released by this instance.</summary>
    public long Settled => Interlocked.Read(ref _settled);

    /// <summary>Leases this instance lost to another (its lease expired while it still worked on the chunk).</summary>
    public long LostCount { get; private set; }

    public int Open
    {
        get { lock (_lock) return _entries.Count; }
    }

    public void Claimed(ChunkLease lease)
    {
        lock (_lock) _entries[lease.ChunkId] = new Entry(lease);
        _keeper.Track(lease);
    }

    /// <summary>The reader handed <paramref name="count"/> applications of the chunk on.</summary>
    public void Read(ChunkLease lease, int count)
    {
        lock (_lock)
        {
            if (Find(lease) is { } entry) entry.Outstanding += count;
        }
    }

    public bool IsLost(ChunkLease lease)
    {
        lock (_lock) return Find(lease) is not { Lost: false };
    }

    /// <summary>Another instance owns the chunk now: write nothing more of it, and do not finish or release it.</summary>
    public void Lost(ChunkLease lease)
    {
        lock (_lock)
        {
            if (Find(lease) is { Lost: false } entry)
            {
                entry.Lost = true;
                LostCount++;
            }
        }
        _keeper.Forget(lease);
    }

    /// <summary>The reader will hand on nothing more of this chunk; <paramref name="complete"/> when it read all of the chunk's work.</summary>
    public Task ReadingDoneAsync(ChunkLease lease, bool complete, CancellationToken cancellationToken)
    {
        Entry? settle = null;
        lock (_lock)
        {
            if (Find(lease) is { } entry)
            {
                entry.ReadingDone = true;
                entry.Complete &= complete;
                settle = TakeIfSettled(entry);
            }
        }
        return settle is null ? Task.CompletedTask : SettleAsync(settle, cancellationToken);
    }

    /// <summary>These applications (one lease per application; null for unclaimed ones) are committed, logged or dropped.</summary>
    public async Task ResolvedAsync(IEnumerable<ChunkLease?> leases, CancellationToken cancellationToken)
    {
        var ready = new List<Entry>();
        lock (_lock)
        {
            foreach (var lease in leases)
            {
                if (lease is null || Find(lease) is not { } entry) continue;
                entry.Outstanding--;
                if (TakeIfSettled(entry) is { } done) ready.Add(done);
            }
        }
        foreach (var entry in ready) await SettleAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hands back every chunk still open (a stop, an abort or an error ended the run before they settled).</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        List<Entry> open;
        lock (_lock)
        {
            open = [.. _entries.Values];
            _entries.Clear();
        }
        foreach (var entry in open)
        {
            entry.Complete = false;
            try
            {
                await SettleAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Best effort: an unreleased chunk is taken over when its lease expires.
            }
        }
    }

    private Entry? Find(ChunkLease lease) => _entries.TryGetValue(lease.ChunkId, out var entry) && entry.Lease.Fence == lease.Fence ? entry : null;

    private Entry? TakeIfSettled(Entry entry)
    {
        if (!entry.ReadingDone || entry.Outstanding > 0) return null;
        _entries.Remove(entry.Lease.ChunkId);
        return entry;
    }

    private async Task SettleAsync(Entry entry, CancellationToken cancellationToken)
    {
        _keeper.Forget(entry.Lease);
        Interlocked.Increment(ref _settled);
        if (entry.Lost) return;
        var held = entry.Complete
            ? await (_retry is null
                ? _store.FinishAsync(entry.Lease, cancellationToken)
                : _retry.ExecuteAsync("finishing a chunk", ct => _store.FinishAsync(entry.Lease, ct), cancellationToken)).ConfigureAwait(false)
            : await _store.ReleaseAsync(entry.Lease, cancellationToken).ConfigureAwait(false);
        if (!held)
        {
            lock (_lock) LostCount++;
        }
    }
}

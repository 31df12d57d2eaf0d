namespace XmlShred.Pipeline;

/// <summary>
/// An async, FIFO byte allowance (a SemaphoreSlim that counts bytes). <see cref="AcquireAsync"/> waits, without
/// polling, until the bytes fit; <see cref="Release"/> hands freed bytes to waiters in arrival order so a large
/// item cannot starve. An item larger than the whole budget is admitted when nothing else is held, so it delays
/// the pipeline instead of deadlocking it.
/// </summary>
internal sealed class ByteBudget
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _inUse;
    private long _peak;

    public ByteBudget(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public long Capacity { get; }

    public long InUse => Interlocked.Read(ref _inUse);

    /// <summary>The most ever held at once (may exceed <see cref="Capacity"/>: see <see cref="Exchange"/> and the oversized-item rule).</summary>
    public long Peak => Interlocked.Read(ref _peak);

    public int Waiting
    {
        get { lock (_gate) return _waiters.Count; }
    }

    public ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Waiter waiter;
        lock (_gate)
        {
            if (_waiters.Count == 0 && Fits(bytes))
            {
                AddLocked(bytes);
                return ValueTask.CompletedTask;
            }
            cancellationToken.ThrowIfCancellationRequested();
            waiter = new Waiter(bytes);
            waiter.Node = _waiters.AddLast(waiter);
        }
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        }
        return new ValueTask(waiter.Completion.Task);
    }

    /// <summary>
    /// Trades bytes already held for a new amount without waiting: a worker swaps its document's charge for its mapped
    /// rows' charge. Only the entrance (the reader) waits for room; stages downstream never do, so a full budget can
    /// slow reading but never stall work already admitted (which is what frees the budget).
    /// </summary>
    public void Exchange(long held, long now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(held);
        ArgumentOutOfRangeException.ThrowIfNegative(now);
        if (held == now) return;
        List<Waiter>? admitted = null;
        lock (_gate)
        {
            AddLocked(now - held);
            if (now < held) admitted = AdmitLocked();
        }
        Complete(admitted);
    }

    public void Release(long bytes)
    {
        if (bytes == 0) return;
        List<Waiter>? admitted;
        lock (_gate)
        {
            Interlocked.Add(ref _inUse, -bytes);
            admitted = AdmitLocked();
        }
        Complete(admitted);
    }

    /// <summary>Admits waiters from the head of the line while they fit (FIFO: the head blocks those behind it).</summary>
    private List<Waiter>? AdmitLocked()
    {
        List<Waiter>? admitted = null;
        while (_waiters.First is { } first && Fits(first.Value.Bytes))
        {
            _waiters.RemoveFirst();
            first.Value.Node = null;
            AddLocked(first.Value.Bytes);
            (admitted ??= []).Add(first.Value);
        }
        return admitted;
    }

    private static void Complete(List<Waiter>? admitted)
    {
        if (admitted is null) return;
        foreach (var waiter in admitted)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult();
        }
    }

    private void AddLocked(long bytes)
    {
        var now = Interlocked.Add(ref _inUse, bytes);
        if (now > _peak) Interlocked.Exchange(ref _peak, now);
    }

    private bool Fits(long bytes) => _inUse == 0 || _inUse + bytes <= Capacity;

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        List<Waiter>? admitted;
        lock (_gate)
        {
            if (waiter.Node is null) return; // already admitted
            _waiters.Remove(waiter.Node);
            waiter.Node = null;
            admitted = AdmitLocked(); // those behind a cancelled head may fit now
        }
        waiter.Completion.TrySetCanceled(token);
        Complete(admitted);
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter>? Node { get; set; }
        public CancellationTokenRegistration Registration { get; set; }
    }
}

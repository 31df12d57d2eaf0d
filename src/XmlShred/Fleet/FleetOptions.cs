namespace XmlShred.Fleet;

/// <summary>
/// How instances share one database. The lease length must be the same for every instance of a fleet: expiry is
/// computed by the database from the value each claimer sends.
/// </summary>
public sealed record FleetOptions
{
    /// <summary>How long a claim lasts without a heartbeat; after that any instance may take the chunk over.</summary>
    public TimeSpan LeaseLength { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often held leases are renewed (a quarter of the lease by default).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Applications per chunk when new chunks are seeded (existing chunks keep their bounds).</summary>
    public int ChunkSize { get; init; } = 1000;

    /// <summary>
    /// A chunk claimed this many times without a committed batch, finish or release in between (its holders kept
    /// dying on it: a document that crashes the process) is left alone; <c>status</c> reports it.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How long an idle instance waits before looking for work again (plus jitter).</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting (a host maps settings to its own flags).</summary>
    public void Validate()
    {
        if (LeaseLength < TimeSpan.FromMilliseconds(100)) throw OutOfRange(nameof(LeaseLength), LeaseLength, "must be at least 0.1 seconds");
        if (HeartbeatInterval <= TimeSpan.Zero) throw OutOfRange(nameof(HeartbeatInterval), HeartbeatInterval, "must be positive");
        if (HeartbeatInterval >= LeaseLength)
            throw OutOfRange(nameof(HeartbeatInterval), HeartbeatInterval, $"must be shorter than LeaseLength ({LeaseLength}), or every lease expires between two heartbeats");
        if (ChunkSize < 1) throw OutOfRange(nameof(ChunkSize), ChunkSize, "must be at least 1");
        if (MaxAttempts < 1) throw OutOfRange(nameof(MaxAttempts), MaxAttempts, "must be at least 1");
        if (IdlePoll <= TimeSpan.Zero) throw OutOfRange(nameof(IdlePoll), IdlePoll, "must be positive");
    }

    private static ArgumentOutOfRangeException OutOfRange(string setting, object? value, string rule) =>
        new(setting, value, $"{nameof(FleetOptions)}.{setting} {rule}");
}

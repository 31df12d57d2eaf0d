namespace XmlShred.Fleet;

/// <summary>What <c>status</c> reports: application totals, chunks by state, the instances and an ETA.</summary>
public sealed class FleetStatus
{
    /// <summary>Source rows with XML and no processing_log row, outside any live claim.</summary>
    public long Pending { get; set; }
    /// <summary>Source rows with XML and no processing_log row, inside a chunk an instance holds under a live lease.</summary>
    public long Claimed { get; set; }
    public long Succeeded { get; set; }
    public long Failed { get; set; }
    /// <summary>Source rows whose XML is NULL: never processed, never logged.</summary>
    public long NullXml { get; set; }
    /// <summary>Chunk counts by state: pending, claimed, expired (claimed, lease run out), done.</summary>
    public Dictionary<string, long> Chunks { get; } = new(StringComparer.Ordinal);
    /// <summary>Chunks whose holders kept dying: no instance claims them any more.</summary>
    public long ChunksOverAttemptCap { get; set; }
    public List<InstanceStatus> Instances { get; } = [];

    public long Remaining => Pending + Claimed;

    /// <summary>Sum of the recent rates of live instances (applications per second).</summary>
    public double FleetRate => Instances.Where(i => i.Live).Sum(i => i.Rate);

    /// <summary>Remaining work at the fleet's current rate; null when nothing runs or nothing is left.</summary>
    public TimeSpan? Eta => Remaining > 0 && FleetRate > 0 ? TimeSpan.FromSeconds(Remaining / FleetRate) : null;
}

/// <summary>One instance as its last heartbeat described it; ages are measured on the database clock.</summary>
public sealed record InstanceStatus(string Owner, string Host, int ProcessId, string RunId, double HeartbeatAgeSeconds, double UptimeSeconds,
    long Processed, double Rate, int ChunksHeld, bool Live);

namespace XmlShred.Fleet;

/// <summary>
/// A batch transaction's fence check matched no row: the chunk's lease now belongs to another instance (or expired
/// and was taken). The transaction was rolled back; the chunk's applications must be dropped, not written or logged.
/// </summary>
public sealed class LeaseLostException(ChunkLease lease)
    : Exception($"the lease on {lease} was taken over by another instance; its applications are left to the new holder")
{
    public ChunkLease Lease { get; } = lease;
}

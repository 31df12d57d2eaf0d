using System.Data.Common;

namespace XmlShred.Fleet;

/// <summary>
/// What a batch writer needs to write under claims: the fence statement of its engine, who this instance is, the
/// lease length a fence check renews to, and whether failed log rows may be replaced (<c>--retry-failed</c>).
/// </summary>
public sealed record ClaimContext(ClaimDialect Dialect, LeaseOwner Owner, TimeSpan LeaseLength, bool RetryFailed)
{
    /// <summary>Called after a fence check renewed a lease inside a batch transaction (the heartbeat may skip it).</summary>
    public Action<ChunkLease>? Renewed { get; init; }

    /// <summary>
    /// The first statements of a batch transaction: for each distinct lease (ascending chunk_id, so two writers
    /// never lock chunk rows in opposite orders) renew it only if this instance still holds it under that fence.
    /// The row lock taken here keeps claimers off the chunk until COMMIT. Throws <see cref="LeaseLostException"/>.
    /// </summary>
    public async Task FenceAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<ChunkLease?> leases, CancellationToken cancellationToken)
    {
        foreach (var lease in leases.OfType<ChunkLease>().Distinct().OrderBy(l => l.ChunkId))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Dialect.Fence();
            ClaimStore.BindHeld(command, lease, Owner);
            ClaimDialect.Add(command, "@lease_ms", (int)Math.Ceiling(LeaseLength.TotalMilliseconds));
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1) throw new LeaseLostException(lease);
            Renewed?.Invoke(lease);
        }
    }
}

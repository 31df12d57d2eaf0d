using System.Data.Common;
using System.Globalization;

namespace XmlShred.Fleet;

/// <summary>
/// Runs the claim table's statements (<see cref="ClaimDialect"/>) on short connections of their own: every claim,
/// renewal, finish and release is one small transaction, never held open while applications are mapped.
/// </summary>
public sealed class ClaimStore : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Func<ValueTask> _dispose;

    public ClaimStore(ClaimDialect dialect, FleetOptions options, LeaseOwner owner, Func<CancellationToken, Task<DbConnection>> open, Func<ValueTask>? dispose = null)
    {
        options.Validate();
        Dialect = dialect;
        Options = options;
        Owner = owner;
        _open = open;
        _dispose = dispose ?? (() => ValueTask.CompletedTask);
    }

    public ClaimDialect Dialect { get; }
    public FleetOptions Options { get; }
    public LeaseOwner Owner { get; }

    private int LeaseMs => (int)Math.Ceiling(Options.LeaseLength.TotalMilliseconds);

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var statement in Dialect.Ddl()) await ExecuteAsync(connection, transaction, statement, _ => { }, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cuts source rows not yet covered by a chunk into new chunks (below the lowest and above the highest existing
    /// chunk). Safe to run from every instance at once: the engine's seed lock serialises it. With
    /// <paramref name="reconcile"/>, also reopens done chunks that got new rows and closes pending chunks with no
    /// work left (a scan of the source table: done at the start of a run, not on every poll). Returns chunks added.
    /// </summary>
    public Task<int> SeedAsync(bool reconcile, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            if (Dialect.SeedLock is { } seedLock)
                await ExecuteAsync(connection, transaction, seedLock, c => ClaimDialect.Add(c, "@seed_lock", "xmlshred-seed:" + Dialect.Chunks), cancellationToken).ConfigureAwait(false);
            long? lowChunk = null, highChunk = null, lowSource = null, highSource = null;
            await using (var bounds = Command(connection, transaction, Dialect.SeedBounds()))
            await using (var reader = await bounds.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    lowChunk = NullableLong(reader, 0);
                    highChunk = NullableLong(reader, 1);
                    lowSource = NullableLong(reader, 2);
                    highSource = NullableLong(reader, 3);
                }
            }
            var added = 0;
            if (lowSource is { } minId && highSource is { } maxId)
            {
                if (lowChunk is null || highChunk is null) added += await SeedRangeAsync(connection, transaction, minId, maxId + 1, cancellationToken).ConfigureAwait(false);
                else
                {
                    if (minId < lowChunk) added += await SeedRangeAsync(connection, transaction, minId, lowChunk.Value, cancellationToken).ConfigureAwait(false);
                    if (maxId >= highChunk) added += await SeedRangeAsync(connection, transaction, highChunk.Value, maxId + 1, cancellationToken).ConfigureAwait(false);
                }
            }
            if (reconcile)
            {
                await ExecuteAsync(connection, transaction, Dialect.Reopen(), _ => { }, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, Dialect.Settle(), _ => { }, cancellationToken).ConfigureAwait(false);
            }
            return added;
        }, cancellationToken);

    private Task<int> SeedRangeAsync(DbConnection connection, DbTransaction transaction, long from, long to, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, Dialect.SeedInsert(), c =>
        {
            ClaimDialect.Add(c, "@from", from);
            ClaimDialect.Add(c, "@to", to);
            ClaimDialect.Add(c, "@size", (long)Options.ChunkSize);
        }, cancellationToken);

    /// <summary>Claims the next chunk with work for <paramref name="filter"/>; null when none is claimable right now.</summary>
    /// <param name="countsAsAttempt">
    /// Whether the claim counts toward <see cref="FleetOptions.MaxAttempts"/>: true when the claimer will work on the
    /// chunk first. A chunk claimed ahead, while the claimer still works on another, is not yet at risk from its own
    /// documents; counting those claims capped innocent chunks when a run was killed repeatedly (each kill cost the
    /// read-ahead chunk an attempt although none of its batches had started).
    /// </param>
    public Task<ChunkLease?> ClaimAsync(WorkFilter filter, CancellationToken cancellationToken, bool countsAsAttempt = true) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, Dialect.Claim(filter));
            ClaimDialect.Add(command, "@owner", Owner.Id);
            ClaimDialect.Add(command, "@lease_ms", LeaseMs);
            ClaimDialect.Add(command, "@max_attempts", Options.MaxAttempts);
            ClaimDialect.Add(command, "@attempt", countsAsAttempt ? 1 : 0);
            ClaimDialect.BindFilter(command, filter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            return new ChunkLease(Long(reader, 0), Long(reader, 1), Long(reader, 2), Long(reader, 3));
        }, cancellationToken);

    /// <summary>Renews the lease; false when it was taken over (fence or owner changed) or finished.</summary>
    public async Task<bool> RenewAsync(ChunkLease lease, CancellationToken cancellationToken) =>
        await HeldAsync(Dialect.Renew(), lease, withLease: true, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Marks the chunk done (or pending when others' work remains in it); false when the lease was lost first.</summary>
    public async Task<bool> FinishAsync(ChunkLease lease, CancellationToken cancellationToken) =>
        await HeldAsync(Dialect.Finish(), lease, withLease: false, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Hands the chunk back unfinished, claimable at once by anyone.</summary>
    public async Task<bool> ReleaseAsync(ChunkLease lease, CancellationToken cancellationToken) =>
        await HeldAsync(Dialect.Release(), lease, withLease: false, cancellationToken).ConfigureAwait(false) == 1;

    private Task<int> HeldAsync(string sql, ChunkLease lease, bool withLease, CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction) => ExecuteAsync(connection, transaction, sql, c =>
        {
            BindHeld(c, lease, Owner);
            if (withLease) ClaimDialect.Add(c, "@lease_ms", LeaseMs);
        }, cancellationToken), cancellationToken);

    /// <summary>The parameters of <see cref="ClaimDialect.Renew"/>, <see cref="ClaimDialect.Finish"/> and <see cref="ClaimDialect.Release"/>.</summary>
    public static void BindHeld(DbCommand command, ChunkLease lease, LeaseOwner owner)
    {
        ClaimDialect.Add(command, "@chunk_id", lease.ChunkId);
        ClaimDialect.Add(command, "@owner", owner.Id);
        ClaimDialect.Add(command, "@fence", lease.Fence);
    }

    /// <summary>True while another instance holds, under a live lease, a chunk with work for <paramref name="filter"/>.</summary>
    public Task<bool> OthersHoldWorkAsync(WorkFilter filter, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, Dialect.LiveWorkElsewhere(filter));
            ClaimDialect.Add(command, "@owner", Owner.Id);
            ClaimDialect.BindFilter(command, filter);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        }, cancellationToken);

    /// <summary>Chunks with work for <paramref name="filter"/> that reached the attempt cap: their applications wait for a person.</summary>
    public Task<long> CappedWithWorkAsync(WorkFilter filter, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, Dialect.CappedWithWork(filter));
            ClaimDialect.Add(command, "@max_attempts", Options.MaxAttempts);
            ClaimDialect.BindFilter(command, filter);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <summary>Records this instance as alive, with its progress, for <c>status</c>.</summary>
    public Task BeatInstanceAsync(long processed, double rate, CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction) => ExecuteAsync(connection, transaction, Dialect.InstanceBeat(), c =>
        {
            ClaimDialect.Add(c, "@owner", Owner.Id);
            ClaimDialect.Add(c, "@host", Owner.Host);
            ClaimDialect.Add(c, "@pid", Owner.ProcessId);
            ClaimDialect.Add(c, "@run_id", Owner.RunId);
            ClaimDialect.Add(c, "@processed", processed);
            ClaimDialect.Add(c, "@rate", rate);
            ClaimDialect.Add(c, "@lease_ms", (long)LeaseMs);
        }, cancellationToken), cancellationToken);

    public Task RemoveInstanceAsync(CancellationToken cancellationToken) =>
        InTransactionAsync((connection, transaction) => ExecuteAsync(connection, transaction, Dialect.InstanceRemove(), c => ClaimDialect.Add(c, "@owner", Owner.Id), cancellationToken), cancellationToken);

    /// <summary>Totals, chunks and instances for <c>status</c>.</summary>
    public Task<FleetStatus> StatusAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            var status = new FleetStatus();
            await using (var counts = Command(connection, transaction, Dialect.StatusCounts()))
            await using (var reader = await counts.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                status.NullXml = Long(reader, 0);
                var unlogged = Long(reader, 1);
                status.Succeeded = Long(reader, 2);
                status.Failed = Long(reader, 3);
                status.Claimed = Long(reader, 4);
                status.Pending = unlogged - status.Claimed;
            }
            await using (var chunks = Command(connection, transaction, Dialect.StatusChunks()))
            {
                ClaimDialect.Add(chunks, "@max_attempts", Options.MaxAttempts);
                await using var reader = await chunks.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    status.Chunks[reader.GetString(0)] = Long(reader, 1);
                    status.ChunksOverAttemptCap += NullableLong(reader, 2) ?? 0;
                }
            }
            await using (var instances = Command(connection, transaction, Dialect.StatusInstances()))
            await using (var reader = await instances.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var age = Double(reader, 4);
                    var leaseMs = NullableLong(reader, 8) ?? (long)Options.LeaseLength.TotalMilliseconds;
                    status.Instances.Add(new InstanceStatus(
                        reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1), (int)(NullableLong(reader, 2) ?? 0), reader.IsDBNull(3) ? "" : reader.GetString(3),
                        age, Double(reader, 5), Long(reader, 6), Double(reader, 7), (int)Long(reader, 9), Live: age * 1000 <= leaseMs));
                }
            }
            return status;
        }, cancellationToken);

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        // SQLite: Microsoft.Data.Sqlite begins IMMEDIATE, taking the write lock before the first read.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static long Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
    private static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
    private static double Double(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => _dispose();
}

using XmlShred.Contract;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Fleet;

/// <summary>
/// SQL Server: the claim updates through a <c>TOP (1)</c> CTE read <c>WITH (UPDLOCK, READPAST, ROWLOCK,
/// READCOMMITTEDLOCK)</c>: READPAST skips rows other claimers hold, UPDLOCK keeps the chosen row to the statement's
/// end, ROWLOCK avoids page locks READPAST cannot skip, and READCOMMITTEDLOCK keeps READPAST legal when the database
/// runs READ_COMMITTED_SNAPSHOT. The (state, chunk_id) index lets TOP (1) seek instead of locking every match.
/// </summary>
public sealed class SqlServerClaimDialect(CompiledContract contract) : ClaimDialect(contract, SqlServerDialect.Instance)
{
    public override string Name => "sqlserver";

    public override string Now => "SYSUTCDATETIME()";

    public override string NowPlusLease => "DATEADD(millisecond, @lease_ms, SYSUTCDATETIME())";

    public override string SecondsSince(string column) => $"DATEDIFF_BIG(millisecond, {column}, SYSUTCDATETIME()) / 1000.0";

    public override string? SeedLock => "EXEC sp_getapplock @Resource = @seed_lock, @LockMode = 'Exclusive', @LockOwner = 'Transaction'";

    protected override string TimeType => "datetime2(3)";

    protected override string ClaimIndex() =>
        $"IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_{ChunkTableName}_state' AND object_id = OBJECT_ID({SqlServerDialect.Instance.NameLiteral(Contract.TargetSchema, ChunkTableName)})) "
            + $"CREATE INDEX {Q("ix_" + ChunkTableName + "_state")} ON {Chunks} (state, chunk_id) INCLUDE (lease_expires_at, attempts)";

    public override string Claim(WorkFilter filter) => $"""
        WITH next_chunk AS (
          SELECT TOP (1) * FROM {Chunks} WITH (UPDLOCK, READPAST, ROWLOCK, READCOMMITTEDLOCK)
          WHERE {Claimable(filter)}
          ORDER BY chunk_id)
        UPDATE next_chunk
        SET state = 'claimed', owner = @owner, fence = fence + 1, attempts = attempts + @attempt, heartbeat_at = {Now}, lease_expires_at = {NowPlusLease}
        OUTPUT inserted.chunk_id, inserted.chunk_start, inserted.chunk_end, inserted.fence;
        """;

    public override string InstanceBeat() => $"""
        UPDATE {Instances} SET heartbeat_at = {Now}, processed = @processed, rate = @rate, lease_ms = @lease_ms WHERE owner = @owner;
        IF @@ROWCOUNT = 0
          INSERT INTO {Instances} (owner, host, pid, run_id, started_at, heartbeat_at, processed, rate, lease_ms)
          VALUES (@owner, @host, @pid, @run_id, {Now}, {Now}, @processed, @rate, @lease_ms);
        """;
}

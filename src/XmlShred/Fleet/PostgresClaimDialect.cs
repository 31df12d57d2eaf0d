using XmlShred.Contract;
using XmlShred.Storage.Postgres;

namespace XmlShred.Fleet;

/// <summary>
/// PostgreSQL: the claim locks its candidate with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent claimers pass over
/// each other's rows instead of queueing, and PostgreSQL re-checks the WHERE on the locked row version. Times use
/// <c>clock_timestamp()</c> (<c>now()</c> is frozen at transaction start, which would age a lease renewed late in a batch).
/// </summary>
public sealed class PostgresClaimDialect(CompiledContract contract) : ClaimDialect(contract, PostgresDialect.Instance)
{
    public override string Name => "postgresql";

    public override string Now => "clock_timestamp()";

    public override string NowPlusLease => "(clock_timestamp() + @lease_ms * interval '1 millisecond')";

    public override string SecondsSince(string column) => $"EXTRACT(EPOCH FROM (clock_timestamp() - {column}))::double precision";

    public override string? SeedLock => "SELECT pg_advisory_xact_lock(hashtext(@seed_lock))";

    protected override string TimeType => "timestamptz";

    protected override string ClaimIndex() =>
        $"CREATE INDEX IF NOT EXISTS {Q("ix_" + ChunkTableName + "_claimable")} ON {Chunks} (chunk_id) WHERE state IN ('pending', 'claimed')";

    public override string Claim(WorkFilter filter) => $"""
        UPDATE {Chunks} AS c
        SET state = 'claimed', owner = @owner, fence = c.fence + 1, attempts = c.attempts + @attempt, heartbeat_at = {Now}, lease_expires_at = {NowPlusLease}
        WHERE c.chunk_id = (SELECT chunk_id FROM {Chunks} WHERE {Claimable(filter)} ORDER BY chunk_id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING c.chunk_id, c.chunk_start, c.chunk_end, c.fence
        """;
}

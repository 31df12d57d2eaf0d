using XmlShred.Contract;
using XmlShred.Storage.Sqlite;

namespace XmlShred.Fleet;

/// <summary>
/// SQLite: one writer at a time, so a claim needs no row skipping; it runs in a <c>BEGIN IMMEDIATE</c> transaction
/// (Microsoft.Data.Sqlite's default), which takes the write lock up front instead of failing with SQLITE_BUSY when
/// a read turns into a write. Times are REAL Unix seconds from the database's own clock. SQLite has no schemas.
/// </summary>
public sealed class SqliteClaimDialect(CompiledContract contract) : ClaimDialect(contract, SqliteDialect.Instance)
{
    public override string Name => "sqlite";

    public override string Now => "((julianday('now') - 2440587.5) * 86400.0)";

    public override string NowPlusLease => $"({Now} + @lease_ms / 1000.0)";

    public override string SecondsSince(string column) => $"({Now} - {column})";

    public override string? SeedLock => null;

    /// <summary>
    /// A scalar subquery rather than EXISTS: SQLite 3.53 turns this correlated EXISTS into a join that took ~2 s per
    /// claim on a 1,000,000-row source (1,000 chunks), against ~5 ms for the scalar form, which it cannot flatten.
    /// </summary>
    protected override string Exists(string subquery) => $"(({subquery} LIMIT 1) IS NOT NULL)";

    protected override string TimeType => "REAL";

    protected override string ClaimIndex() =>
        $"CREATE INDEX IF NOT EXISTS {Q("ix_" + ChunkTableName + "_state")} ON {Chunks} (state, chunk_id)";

    public override string Claim(WorkFilter filter) => $"""
        UPDATE {Chunks}
        SET state = 'claimed', owner = @owner, fence = fence + 1, attempts = attempts + @attempt, heartbeat_at = {Now}, lease_expires_at = {NowPlusLease}
        WHERE chunk_id = (SELECT chunk_id FROM {Chunks} WHERE {Claimable(filter)} ORDER BY chunk_id LIMIT 1)
        RETURNING chunk_id, chunk_start, chunk_end, fence
        """;
}

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

    public override IReadOnlyList<string> Ddl() =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS {Chunks} (
            chunk_id INTEGER NOT NULL PRIMARY KEY,
            chunk_start INTEGER NOT NULL,
            chunk_end INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            owner TEXT,
            fence INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            lease_expires_at REAL,
            heartbeat_at REAL
        )
        """,
        $"CREATE INDEX IF NOT EXISTS {Q("ix_" + ChunkTableName + "_state")} ON {Chunks} (state, chunk_id)",
        $"""
        CREATE TABLE IF NOT EXISTS {Instances} (
            owner TEXT NOT NULL PRIMARY KEY,
            host TEXT, pid INTEGER, run_id TEXT,
            started_at REAL, heartbeat_at REAL,
            processed INTEGER NOT NULL DEFAULT 0, rate REAL NOT NULL DEFAULT 0, lease_ms INTEGER
        )
        """,
    ];

    public override string Claim(WorkFilter filter) => $"""
        UPDATE {Chunks}
        SET state = 'claimed', owner = @owner, fence = fence + 1, attempts = attempts + 1, heartbeat_at = {Now}, lease_expires_at = {NowPlusLease}
        WHERE chunk_id = (SELECT chunk_id FROM {Chunks} WHERE {Claimable(filter)} ORDER BY chunk_id LIMIT 1)
        RETURNING chunk_id, chunk_start, chunk_end, fence
        """;

    public override string InstanceBeat() => $"""
        INSERT INTO {Instances} (owner, host, pid, run_id, started_at, heartbeat_at, processed, rate, lease_ms)
        VALUES (@owner, @host, @pid, @run_id, {Now}, {Now}, @processed, @rate, @lease_ms)
        ON CONFLICT (owner) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, processed = excluded.processed, rate = excluded.rate, lease_ms = excluded.lease_ms
        """;
}

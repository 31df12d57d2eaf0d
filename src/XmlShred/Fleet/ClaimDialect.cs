using System.Data.Common;
using XmlShred.Contract;
using XmlShred.Storage;
using XmlShred.Values;

namespace XmlShred.Fleet;

/// <summary>
/// The claim table's SQL for one engine. Statements share one shape; engines differ in quoting, in how "now" is
/// written (always the database's clock, never the client's), and in how a claim skips rows other claimers hold.
/// Parameters are named <c>@x</c> on every engine. Identifiers come from a validated contract and are quoted and
/// qualified by the engine's <see cref="ISqlDialect"/>, the same one the schema and the source queries use.
/// </summary>
public abstract class ClaimDialect
{
    private readonly ISqlDialect _sql;

    private protected ClaimDialect(CompiledContract contract, ISqlDialect sql)
    {
        Contract = contract;
        _sql = sql;
    }

    public CompiledContract Contract { get; }

    /// <summary>Table holding one row per chunk of app_ids.</summary>
    public const string ChunkTableName = "xmlshred_chunk";

    /// <summary>Table holding one row per running instance (for <c>status</c>).</summary>
    public const string InstanceTableName = "xmlshred_instance";

    public abstract string Name { get; }

    /// <summary>Quotes one identifier.</summary>
    public string Q(string identifier) => _sql.Quote(identifier);

    /// <summary>A table of the contract's schema, qualified where the engine has schemas.</summary>
    public string Table(string name) => _sql.Qualified(Contract.TargetSchema, name);

    /// <summary>The database clock as a value comparable with the lease columns.</summary>
    public abstract string Now { get; }

    /// <summary><see cref="Now"/> plus <c>@lease_ms</c> milliseconds.</summary>
    public abstract string NowPlusLease { get; }

    /// <summary>Seconds between <paramref name="column"/> and now, as a floating-point number.</summary>
    public abstract string SecondsSince(string column);

    public string Chunks => Table(ChunkTableName);
    public string Instances => Table(InstanceTableName);
    protected string Source => Table(Contract.SourceTable);
    protected string Log => Table(Contract.ProcessingLogTable);
    protected string Xml => Q(Contract.SourceColumn);

    /// <summary>The type of the lease and heartbeat columns: the type <see cref="Now"/> yields.</summary>
    protected abstract string TimeType { get; }

    /// <summary>The index a claim seeks to find the lowest claimable chunk without reading every row.</summary>
    protected abstract string ClaimIndex();

    /// <summary>
    /// Creates the claim and instance tables when missing (idempotent), in the contract's schema, which the target
    /// schema DDL creates first. One shape for every engine: column types come from its <see cref="ISqlDialect"/>,
    /// "if missing" from its DDL conventions; only the time type and the claim index are the engine's own.
    /// </summary>
    public IReadOnlyList<string> Ddl() =>
    [
        CreateTableIfMissing(ChunkTableName,
        [
            Column("chunk_id", DataType.BigInt, "NOT NULL PRIMARY KEY"),
            Column("chunk_start", DataType.BigInt, "NOT NULL"),
            Column("chunk_end", DataType.BigInt, "NOT NULL"),
            Column("state", DataType.String, "NOT NULL DEFAULT 'pending'", 10),
            Column("owner", DataType.String, "NULL", LeaseOwner.MaxLength),
            Column("fence", DataType.BigInt, "NOT NULL DEFAULT 0"),
            Column("attempts", DataType.Int, "NOT NULL DEFAULT 0"),
            $"lease_expires_at {TimeType} NULL",
            $"heartbeat_at {TimeType} NULL",
        ]),
        ClaimIndex(),
        CreateTableIfMissing(InstanceTableName,
        [
            Column("owner", DataType.String, "NOT NULL PRIMARY KEY", LeaseOwner.MaxLength),
            Column("host", DataType.String, "NULL", 200),
            Column("pid", DataType.Int, "NULL"),
            Column("run_id", DataType.String, "NULL", 64),
            $"started_at {TimeType} NULL",
            $"heartbeat_at {TimeType} NULL",
            Column("processed", DataType.BigInt, "NOT NULL DEFAULT 0"),
            Column("rate", DataType.Float, "NOT NULL DEFAULT 0"),
            Column("lease_ms", DataType.BigInt, "NULL"),
        ]),
    ];

    private string Column(string name, DataType type, string constraints, int? length = null) =>
        $"{name} {_sql.SqlType(new ColumnSpec(name, type, length, false))} {constraints}";

    private string CreateTableIfMissing(string name, IEnumerable<string> columns)
    {
        var body = "(\n  " + string.Join(",\n  ", columns) + "\n)";
        return _sql is IServerDialect server
            ? server.CreateTableIfMissing(Contract.TargetSchema, name, body)
            : $"CREATE TABLE IF NOT EXISTS {Table(name)} {body}";
    }

    // ---- claim, renew, finish, release -------------------------------------------------------------------------

    /// <summary>
    /// Takes the lowest claimable chunk holding work for <paramref name="filter"/>: pending, or claimed with an expired
    /// lease (a dead owner's), under the attempt cap. Sets owner, fence+1, attempts+<c>@attempt</c> (1, or 0 for a
    /// chunk claimed ahead) and a fresh lease; returns
    /// chunk_id, chunk_start, chunk_end, fence, or no row when nothing is claimable.
    /// </summary>
    public abstract string Claim(WorkFilter filter);

    /// <summary>The condition a chunk row (unqualified columns) must meet to be claimed.</summary>
    protected string Claimable(WorkFilter filter)
    {
        var states = filter.RetryFailed ? "state IN ('pending', 'done')" : "state = 'pending'";
        var range = "";
        if (filter.Selection.AppIdStart is not null) range += " AND chunk_end > @sel_start";
        if (filter.Selection.AppIdEnd is not null) range += " AND chunk_start <= @sel_end";
        return $"({states} OR (state = 'claimed' AND lease_expires_at < {Now})) AND attempts < @max_attempts{range} AND {HasWork(filter)}";
    }

    /// <summary>
    /// Renews a held lease and proves the holder still owns it (the fence). 0 rows: the chunk was taken over.
    /// Inside a batch transaction it is the fence check, and its row lock keeps claimers off the chunk until COMMIT.
    /// </summary>
    public string Renew() =>
        $"UPDATE {Chunks} SET heartbeat_at = {Now}, lease_expires_at = {NowPlusLease} WHERE {Held}";

    /// <summary>
    /// The fence check at the start of a batch transaction: <see cref="Renew"/>, and the attempt count back to 0. The
    /// transaction commits work of this chunk, so its holders are making progress, not dying on it: only claims that
    /// keep ending (kill, crash) without a single committed batch bring a chunk to the attempt cap. Rolled back with
    /// the batch when it fails.
    /// </summary>
    public string Fence() =>
        $"UPDATE {Chunks} SET heartbeat_at = {Now}, lease_expires_at = {NowPlusLease}, attempts = 0 WHERE {Held}";

    /// <summary>
    /// Gives a chunk back after its work was read and written: <c>done</c> when no unprocessed source row is left
    /// in its range (for anyone's selection), else <c>pending</c> for others. Resets the attempt count.
    /// </summary>
    public string Finish() =>
        $"UPDATE {Chunks} SET state = CASE WHEN {HasWork(WorkFilter.Unselected)} THEN 'pending' ELSE 'done' END, owner = NULL, lease_expires_at = NULL, attempts = 0 WHERE {Held}";

    /// <summary>Gives a chunk back unfinished (graceful stop, limit reached): pending at once, no lease wait.</summary>
    public string Release() =>
        $"UPDATE {Chunks} SET state = 'pending', owner = NULL, lease_expires_at = NULL, attempts = 0 WHERE {Held}";

    private const string Held = "chunk_id = @chunk_id AND owner = @owner AND fence = @fence AND state = 'claimed'";

    /// <summary>How many chunks with work for <paramref name="filter"/> other instances hold under a live lease (worth waiting for: they may die).</summary>
    public string LiveWorkElsewhere(WorkFilter filter) =>
        $"SELECT COUNT(*) FROM {Chunks} WHERE state = 'claimed' AND lease_expires_at >= {Now} AND owner <> @owner AND {HasWork(filter)}";

    /// <summary>How many chunks with work for <paramref name="filter"/> are left alone at the attempt cap (no claim takes them).</summary>
    public string CappedWithWork(WorkFilter filter) =>
        $"SELECT COUNT(*) FROM {Chunks} WHERE state <> 'done' AND attempts >= @max_attempts AND {HasWork(filter)}";

    /// <summary>EXISTS: the chunk row in scope (unqualified chunk_start/chunk_end) holds a source row that is work for <paramref name="filter"/>.</summary>
    public string HasWork(WorkFilter filter) =>
        Exists($"SELECT 1 FROM {Source} s WHERE s.{Q("app_id")} >= chunk_start AND s.{Q("app_id")} < chunk_end AND {WorkCondition(filter)}");

    /// <summary>A condition true when <paramref name="subquery"/> yields a row.</summary>
    protected virtual string Exists(string subquery) => $"EXISTS ({subquery})";

    /// <summary>The condition on source row <c>s</c> that makes it work for <paramref name="filter"/>.</summary>
    public string WorkCondition(WorkFilter filter)
    {
        var parts = new List<string> { $"s.{Xml} IS NOT NULL" };
        var selection = filter.Selection;
        if (selection.AppIdStart is not null) parts.Add($"s.{Q("app_id")} >= @sel_start");
        if (selection.AppIdEnd is not null) parts.Add($"s.{Q("app_id")} <= @sel_end");
        if (selection.PartitionCount is not null) parts.Add($"s.{Q("app_id")} % @sel_parts = @sel_part");
        parts.Add(LogSelection(filter).LogCondition(Log, Q));
        return string.Join(" AND ", parts);
    }

    private static SourceSelection LogSelection(WorkFilter filter) =>
        filter.Selection with { RetryFailed = filter.RetryFailed, RetryRunId = filter.RetryFailed ? filter.RunId : null };

    /// <summary>Adds the selection's parameters used by <see cref="WorkCondition"/> and <see cref="Claimable"/>.</summary>
    public static void BindFilter(DbCommand command, WorkFilter filter)
    {
        if (LogSelection(filter) is { RetryFailed: true, RetryRunId: { } run }) Add(command, SourceSelection.RetryRunParameter, run);
        var s = filter.Selection;
        if (s.AppIdStart is { } start) Add(command, "@sel_start", start);
        if (s.AppIdEnd is { } end) Add(command, "@sel_end", end);
        if (s.PartitionCount is { } count)
        {
            Add(command, "@sel_parts", (long)count);
            Add(command, "@sel_part", (long)(s.PartitionIndex ?? 0));
        }
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    // ---- seeding -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Serialises seeding between instances, inside the seeding transaction (released at commit or rollback).
    /// Null where the transaction itself already excludes other writers (SQLite's BEGIN IMMEDIATE).
    /// </summary>
    public abstract string? SeedLock { get; }

    /// <summary>One row: lowest chunk_start, highest chunk_end, lowest and highest source app_id (NULLs when empty).</summary>
    public string SeedBounds() =>
        $"SELECT (SELECT MIN(chunk_start) FROM {Chunks}), (SELECT MAX(chunk_end) FROM {Chunks}), (SELECT MIN({Q("app_id")}) FROM {Source}), (SELECT MAX({Q("app_id")}) FROM {Source})";

    /// <summary>
    /// Cuts the source app_ids in <c>[@from, @to)</c> into chunks of <c>@size</c> consecutive ids: every size-th id
    /// starts a chunk, which ends where the next one starts (the last one at <c>@to</c>). Ranges stay contiguous, so
    /// later rows land inside an existing chunk or beyond the highest one. chunk_id is the chunk's first app_id.
    /// </summary>
    public string SeedInsert() => $"""
        INSERT INTO {Chunks} (chunk_id, chunk_start, chunk_end, state, fence, attempts)
        SELECT b.app_id, b.app_id, COALESCE(LEAD(b.app_id) OVER (ORDER BY b.app_id), @to), 'pending', 0, 0
        FROM (SELECT r.app_id FROM (SELECT s.{Q("app_id")} AS app_id, ROW_NUMBER() OVER (ORDER BY s.{Q("app_id")}) AS rn
                                    FROM {Source} s WHERE s.{Q("app_id")} >= @from AND s.{Q("app_id")} < @to) r
              WHERE (r.rn - 1) % @size = 0) b
        """;

    /// <summary>Done chunks that got new source rows since (a late arrival inside an old range) become pending again.</summary>
    public string Reopen() =>
        $"UPDATE {Chunks} SET state = 'pending', attempts = 0 WHERE state = 'done' AND {HasWork(WorkFilter.Unselected)}";

    /// <summary>
    /// Chunks without any work left are marked done, so status tells the truth: pending ones whose rows earlier runs
    /// logged, and claimed ones whose lease expired after the holder committed its last batch but died before it
    /// could finish the chunk (a claim never takes a chunk without work, so nothing else would ever close it).
    /// </summary>
    public string Settle() =>
        $"UPDATE {Chunks} SET state = 'done', owner = NULL, lease_expires_at = NULL, attempts = 0 " +
        $"WHERE (state = 'pending' OR (state = 'claimed' AND lease_expires_at < {Now})) AND NOT {HasWork(WorkFilter.Unselected)}";

    // ---- instances ---------------------------------------------------------------------------------------------

    /// <summary>Inserts or refreshes this instance's row: heartbeat (database time), progress, recent rate, lease length.</summary>
    public virtual string InstanceBeat() => $"""
        INSERT INTO {Instances} (owner, host, pid, run_id, started_at, heartbeat_at, processed, rate, lease_ms)
        VALUES (@owner, @host, @pid, @run_id, {Now}, {Now}, @processed, @rate, @lease_ms)
        ON CONFLICT (owner) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, processed = excluded.processed, rate = excluded.rate, lease_ms = excluded.lease_ms
        """;

    public string InstanceRemove() => $"DELETE FROM {Instances} WHERE owner = @owner";

    // ---- status ------------------------------------------------------------------------------------------------

    /// <summary>One row: NULL-XML rows, unlogged rows with XML, success rows, failed rows, unlogged rows inside live claims.</summary>
    public string StatusCounts() => $"""
        SELECT (SELECT COUNT(*) FROM {Source} s WHERE s.{Xml} IS NULL),
               (SELECT COUNT(*) FROM {Source} s WHERE {WorkCondition(WorkFilter.Everything)}),
               (SELECT COUNT(*) FROM {Log} l WHERE l.{Q("status")} = 'success'),
               (SELECT COUNT(*) FROM {Log} l WHERE l.{Q("status")} = 'failed'),
               (SELECT COUNT(*) FROM {Source} s JOIN {Chunks} c ON s.{Q("app_id")} >= c.chunk_start AND s.{Q("app_id")} < c.chunk_end
                 WHERE c.state = 'claimed' AND c.lease_expires_at >= {Now} AND {WorkCondition(WorkFilter.Everything)})
        """;

    /// <summary>Chunks by state; claimed ones split into live and expired leases; chunks over the attempt cap.</summary>
    public string StatusChunks() => $"""
        SELECT CASE WHEN state = 'claimed' AND lease_expires_at < {Now} THEN 'expired' ELSE state END AS st, COUNT(*),
               SUM(CASE WHEN attempts >= @max_attempts THEN 1 ELSE 0 END)
        FROM {Chunks} GROUP BY CASE WHEN state = 'claimed' AND lease_expires_at < {Now} THEN 'expired' ELSE state END
        """;

    /// <summary>Every instance row with its heartbeat age in seconds (database clock) and whether its lease window is still open.</summary>
    public string StatusInstances() => $"""
        SELECT owner, host, pid, run_id, {SecondsSince("heartbeat_at")}, {SecondsSince("started_at")}, processed, rate, lease_ms,
               (SELECT COUNT(*) FROM {Chunks} c WHERE c.owner = i.owner AND c.state = 'claimed')
        FROM {Instances} i ORDER BY host, pid
        """;
}

using System.Data;
using System.Data.Common;
using System.Diagnostics;
using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// The batch writer of the server dialects (PostgreSQL, SQL Server) on one long-lived connection. Each batch is one
/// transaction: the fence check of its leases (when claiming), then the exactly-once gate (the batch's processing_log
/// rows bulk-loaded into a stage and moved into the log insert-if-absent, returning the winners), then per table in
/// write (FK) order one bulk load of the winners' row group, through a staging table where
/// <see cref="TableRowGroup.NeedsStage"/>. On any failure the transaction is rolled back and the connection dropped
/// (a failed bulk load can leave it mid-stream), so the next batch opens a fresh one. A dialect supplies only the
/// bulk load, the staging SQL and the gate's SQL.
/// </summary>
internal abstract class ServerBatchWriter : IBatchWriter
{
    /// <summary>The extra column of staging tables: batch order, for first/last-row-wins per key.</summary>
    public const string OrdinalColumn = "xmlshred_ord";

    private readonly TablePlan _logPlan;
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private DbConnection? _connection;
    private ISet<(string Table, string Column)>? _defaulted;

    protected ServerBatchWriter(CompiledContract contract, IServerDialect dialect, Func<CancellationToken, Task<DbConnection>> open)
    {
        Contract = contract;
        Dialect = dialect;
        _open = open;
        _logPlan = ProcessingLogSchema.Plan(contract);
    }

    protected CompiledContract Contract { get; }
    protected IServerDialect Dialect { get; }

    /// <summary>Bulk-loads a row group into <paramref name="destination"/> (with <see cref="OrdinalColumn"/> last when asked).</summary>
    protected abstract Task BulkLoadAsync(DbConnection connection, DbTransaction transaction, string destination, TableRowGroup group, bool withOrdinal, CancellationToken cancellationToken);

    /// <summary>The name of the <paramref name="index"/>th staging table of a transaction.</summary>
    protected abstract string StageName(int index);

    /// <summary>Creates an empty staging table shaped like the group's target columns, plus <see cref="OrdinalColumn"/>.</summary>
    protected abstract string CreateStageSql(string stage, string qualifiedTarget, TableRowGroup group);

    /// <summary>Moves the staged rows into the target: first row per key (insert-if-absent) or last (upsert).</summary>
    protected abstract string MergeSql(string stage, string qualifiedTarget, TableRowGroup group);

    /// <summary>The gate's staging table for log rows.</summary>
    protected abstract string LogStage { get; }

    /// <summary>Creates <see cref="LogStage"/> empty, with processing_log's written columns.</summary>
    protected abstract string CreateLogStageSql(string stage, string qualifiedLog);

    /// <summary>Replaces failed log rows by staged ones of the same app_id; returns the replaced app_ids.</summary>
    protected abstract string ReplaceFailedSql(string stage, string qualifiedLog);

    /// <summary>Inserts staged log rows whose app_id has no row yet; returns the inserted app_ids.</summary>
    protected abstract string InsertLogIfAbsentSql(string stage, string qualifiedLog);

    public Fleet.ClaimContext? Claims { get; set; }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _connection ??= await _open(cancellationToken);
        _defaulted ??= await ColumnDefaults.LoadAsync(_connection, Dialect, Contract.TargetSchema, cancellationToken);
    }

    private bool HasDefault(string table, string column) => _defaulted!.Contains((table, column));

    public async Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
    {
        long rows = 0;
        var won = 0;
        var timings = await InTransactionAsync(async (connection, transaction, ct) =>
        {
            if (Claims is { } claims) await claims.FenceAsync(connection, transaction, batch.Select(w => w.Log.Lease), ct);
            var winners = await GateAsync(connection, transaction, batch.Select(w => w.Log), ct);
            var writes = batch.Where(w => winners.Contains(w.AppId)).ToList();
            won = writes.Count;
            rows = writes.Count;
            var stageIndex = 0;
            foreach (var group in BatchTableGroups.Build(Contract, writes, HasDefault))
            {
                rows += group.Rows.Count;
                var target = Dialect.Qualified(Contract.TargetSchema, group.Plan.Name);
                if (!group.NeedsStage)
                {
                    await BulkLoadAsync(connection, transaction, target, group, withOrdinal: false, ct);
                    continue;
                }
                var stage = StageName(stageIndex++);
                await ExecuteAsync(connection, transaction, CreateStageSql(stage, target, group), ct);
                await BulkLoadAsync(connection, transaction, stage, group, withOrdinal: true, ct);
                await ExecuteAsync(connection, transaction, MergeSql(stage, target, group), ct);
            }
        }, cancellationToken);
        return timings with { RowsWritten = rows, DoneElsewhere = batch.Count - won };
    }

    public async Task<IReadOnlyCollection<long>> WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken)
    {
        var winners = new HashSet<long>();
        if (entries.Count == 0) return winners;
        await InTransactionAsync(async (connection, transaction, ct) =>
        {
            if (Claims is { } claims) await claims.FenceAsync(connection, transaction, entries.Select(e => e.Lease), ct);
            winners = await GateAsync(connection, transaction, entries, ct);
        }, cancellationToken);
        return winners;
    }

    /// <summary>The exactly-once gate: log rows go in only where their app_id has none (or, retrying, a failed one); returns the winners.</summary>
    private async Task<HashSet<long>> GateAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ProcessingLogEntry> entries, CancellationToken cancellationToken)
    {
        var log = Dialect.Qualified(Contract.TargetSchema, Contract.ProcessingLogTable);
        await ExecuteAsync(connection, transaction, CreateLogStageSql(LogStage, log), cancellationToken);
        await BulkLoadAsync(connection, transaction, LogStage, ProcessingLogSchema.Rows(_logPlan, entries), withOrdinal: false, cancellationToken);
        var winners = new HashSet<long>();
        if (Claims is { RetryFailed: true }) await ReadIdsAsync(connection, transaction, ReplaceFailedSql(LogStage, log), winners, cancellationToken);
        await ReadIdsAsync(connection, transaction, InsertLogIfAbsentSql(LogStage, log), winners, cancellationToken);
        return winners;
    }

    private static async Task ReadIdsAsync(DbConnection connection, DbTransaction transaction, string sql, HashSet<long> ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Commit, or roll back and rethrow so the caller can split the batch. Returns insert and commit time.</summary>
    private async Task<BatchWriteTimings> InTransactionAsync(Func<DbConnection, DbTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
        var connection = _connection!;
        DbTransaction? transaction = null;
        try
        {
            var clock = Stopwatch.StartNew();
            transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            await work(connection, transaction, cancellationToken);
            var insert = clock.Elapsed;
            await transaction.CommitAsync(cancellationToken);
            return new BatchWriteTimings(insert, clock.Elapsed - insert, 0);
        }
        catch
        {
            await RollBackAsync(transaction);
            throw;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    /// <summary>
    /// Roll back, then drop the connection: some bulk-load failures and cancellations leave it unusable (npgsql#2330,
    /// a bulk copy cut off mid-stream); the next batch opens a fresh one from the pool.
    /// </summary>
    private async Task RollBackAsync(DbTransaction? transaction)
    {
        try
        {
            if (transaction?.Connection is { State: ConnectionState.Open }) await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The server has rolled back already when the connection broke.
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
        GC.SuppressFinalize(this);
    }
}

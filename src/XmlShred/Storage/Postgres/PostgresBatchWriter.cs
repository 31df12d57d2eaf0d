using Npgsql;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// Writes each batch in one transaction on one long-lived connection: per table in write order a binary COPY,
/// staged through a temp table for insert-if-absent and upsert tables; then the batch's processing_log rows.
/// </summary>
internal sealed class PostgresBatchWriter(NpgsqlDataSource dataSource, CompiledContract contract) : IBatchWriter
{
    private readonly string _log = PostgresTypes.Qualified(contract.TargetSchema, contract.ProcessingLogTable);
    private NpgsqlConnection? _connection;
    private HashSet<(string Table, string Column)>? _defaulted;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _connection ??= await dataSource.OpenConnectionAsync(cancellationToken);
        _defaulted ??= await PostgresColumnDefaults.LoadAsync(_connection, contract.TargetSchema, cancellationToken);
    }

    private bool HasDefault(string table, string column) => _defaulted!.Contains((table, column));

    public async Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
    {
        long rows = batch.Count;
        var timings = await InTransactionAsync(async (connection, ct) =>
        {
            var stage = 0;
            foreach (var group in BatchTableGroups.Build(contract, batch, HasDefault))
            {
                rows += group.Rows.Count;
                var target = PostgresTypes.Qualified(contract.TargetSchema, group.Plan.Name);
                if (!PostgresMergeSql.NeedsStage(group))
                {
                    await PostgresCopy.RowsAsync(connection, target, group, withOrdinal: false, ct);
                    continue;
                }
                var stageName = $"xmlshred_stage_{stage++}";
                await ExecuteAsync(connection, PostgresMergeSql.CreateStage(stageName, target, group), ct);
                await PostgresCopy.RowsAsync(connection, PostgresTypes.Quote(stageName), group, withOrdinal: true, ct);
                await ExecuteAsync(connection, PostgresMergeSql.Merge(stageName, target, group), ct);
            }
            await PostgresCopy.LogAsync(connection, _log, batch.Select(w => w.Log), ct);
        }, cancellationToken);
        return timings with { RowsWritten = rows };
    }

    public Task WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : InTransactionAsync((connection, ct) => PostgresCopy.LogAsync(connection, _log, entries, ct), cancellationToken);

    /// <summary>Commit, or roll back and rethrow so the caller can split the batch. Returns insert and commit time.</summary>
    private async Task<BatchWriteTimings> InTransactionAsync(Func<NpgsqlConnection, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
        var connection = _connection!;
        NpgsqlTransaction? transaction = null;
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await work(connection, cancellationToken);
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
    /// Some COPY failures and cancellations leave the connection unusable (npgsql#2330), so after a failed batch the
    /// connection is dropped and the next batch opens a fresh one from the pool.
    /// </summary>
    private async Task RollBackAsync(NpgsqlTransaction? transaction)
    {
        try
        {
            if (transaction is not null && _connection?.State == System.Data.ConnectionState.Open)
                await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The server has rolled back already when the connection broke.
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }
}

using System.Data;
using Microsoft.Data.SqlClient;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// Each batch in one SqlTransaction: per table in write (FK) order a SqlBulkCopy with explicit ids, staged through a
/// #temp table for insert-if-absent and upsert tables; then the batch's processing_log rows.
/// </summary>
internal sealed class SqlServerBatchWriter(Func<CancellationToken, Task<SqlConnection>> open, CompiledContract contract) : IBatchWriter
{
    // CheckConstraints: bulk copy skips FK checks otherwise, and an orphan row must fail the batch like any insert.
    private const SqlBulkCopyOptions DataOptions = SqlBulkCopyOptions.KeepIdentity | SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.KeepNulls;
    private const SqlBulkCopyOptions LogOptions = SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.KeepNulls;
    private SqlConnection? _connection;
    private HashSet<(string Table, string Column)>? _defaulted;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _connection ??= await open(cancellationToken);
        _defaulted ??= await SqlServerColumnDefaults.LoadAsync(_connection, contract.TargetSchema, cancellationToken);
    }

    private bool HasDefault(string table, string column) => _defaulted!.Contains((table, column));

    public async Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
    {
        long rows = batch.Count;
        var timings = await InTransactionAsync(async (connection, transaction, ct) =>
        {
            var stageIndex = 0;
            foreach (var group in BatchTableGroups.Build(contract, batch, HasDefault))
            {
                rows += group.Rows.Count;
                var target = SqlServerTypes.Qualified(contract.TargetSchema, group.Plan.Name);
                if (!NeedsStage(group))
                {
                    await BulkCopyAsync(connection, transaction, target, group, withOrdinal: false, DataOptions, ct);
                    continue;
                }
                var stage = SqlServerMergeSql.StageName(stageIndex++);
                await ExecuteAsync(connection, transaction, SqlServerMergeSql.CreateStage(stage, target, group), ct);
                await BulkCopyAsync(connection, transaction, stage, group, withOrdinal: true, DataOptions, ct);
                await ExecuteAsync(connection, transaction, SqlServerMergeSql.Merge(stage, target, group), ct);
            }
            await WriteLogAsync(connection, transaction, batch.Select(w => w.Log), ct);
        }, cancellationToken);
        return timings with { RowsWritten = rows };
    }

    public Task WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : InTransactionAsync((c, t, ct) => WriteLogAsync(c, t, entries, ct), cancellationToken);

    internal static bool NeedsStage(TableRowGroup group) =>
        (group.Plan.Kind.IsInsertIfAbsent() || group.Plan.Kind.IsUpsert())
        && group.Plan.KeyColumns.Count > 0 && group.Plan.KeyColumns.All(group.Columns.Contains);

    private Task WriteLogAsync(SqlConnection connection, SqlTransaction transaction, IEnumerable<ProcessingLogEntry> entries, CancellationToken ct) =>
        BulkCopyAsync(connection, transaction, SqlServerTypes.Qualified(contract.TargetSchema, contract.ProcessingLogTable),
            ProcessingLogRows.Build(contract, entries), withOrdinal: false, LogOptions, ct);

    private static async Task BulkCopyAsync(SqlConnection connection, SqlTransaction transaction, string destination, TableRowGroup group,
        bool withOrdinal, SqlBulkCopyOptions options, CancellationToken cancellationToken)
    {
        using var bulk = new SqlBulkCopy(connection, options, transaction)
        {
            DestinationTableName = destination,
            BulkCopyTimeout = 0,
            BatchSize = 0, // one server batch: the transaction is the unit anyway
            EnableStreaming = true,
        };
        using var reader = new MappedRowsDataReader(group, withOrdinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            bulk.ColumnMappings.Add(name, name);
        }
        await bulk.WriteToServerAsync(reader, cancellationToken);
    }

    /// <summary>Commit, or roll back and rethrow so the caller can split the batch. Returns insert and commit time.</summary>
    private async Task<BatchWriteTimings> InTransactionAsync(Func<SqlConnection, SqlTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken);
        var connection = _connection!;
        SqlTransaction? transaction = null;
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            transaction = (SqlTransaction)await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
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

    /// <summary>Roll back, then drop the connection: a failed bulk copy can leave it mid-stream; the next batch opens a fresh one.</summary>
    private async Task RollBackAsync(SqlTransaction? transaction)
    {
        try
        {
            if (transaction?.Connection is not null) await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is SqlException or InvalidOperationException)
        {
            // A severe error already ended the transaction on the server.
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private static async Task ExecuteAsync(SqlConnection connection, SqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }
}

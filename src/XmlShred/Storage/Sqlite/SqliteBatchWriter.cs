using System.Diagnostics;
using Microsoft.Data.Sqlite;
using XmlShred.Contract;

namespace XmlShred.Storage.Sqlite;

/// <summary>
/// The single SQLite writer: one connection, one transaction per batch, prepared commands cached per
/// (table, column list) for the life of the writer. Rows are written table by table in write order across the
/// whole batch (all app_base rows, then all contacts, …), so parents always precede children.
/// </summary>
internal sealed class SqliteBatchWriter : IBatchWriter
{
    private readonly SqliteConnection _connection;
    private readonly CompiledContract _contract;
    private readonly Dictionary<(TablePlan Table, string Columns), SqliteInsertCommand> _inserts = [];
    private readonly SqliteInsertCommand _log;

    public SqliteBatchWriter(SqliteConnection connection, CompiledContract contract)
    {
        _connection = connection;
        _contract = contract;
        _log = new SqliteInsertCommand(connection, ProcessingLogSchema.Plan(contract), Enumerable.Range(0, ProcessingLogSchema.Columns.Count).ToArray());
    }

    public Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var transaction = _connection.BeginTransaction();
        long rows = 0;
        // Each table is written across the batch in write order, so every parent row exists before its children.
        var tables = new List<(int Order, int App, Mapping.MappedTable Table)>();
        for (var a = 0; a < batch.Count; a++)
        {
            foreach (var table in batch[a].Result.Tables) tables.Add((table.Plan.WriteOrder, a, table));
        }
        tables.Sort(static (x, y) => x.Order != y.Order ? x.Order.CompareTo(y.Order) : x.App.CompareTo(y.App));
        foreach (var (_, _, table) in tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var insert = InsertFor(table.Plan, table.Present);
            foreach (var row in table.Rows) rows += insert.Execute(transaction, row);
        }
        foreach (var write in batch) InsertLog(transaction, write.Log);
        cancellationToken.ThrowIfCancellationRequested();
        var insertTime = clock.Elapsed;
        transaction.Commit();
        return Task.FromResult(new BatchWriteTimings(insertTime, clock.Elapsed - insertTime, rows + batch.Count));
    }

    public Task WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return Task.CompletedTask;
        using var transaction = _connection.BeginTransaction();
        foreach (var entry in entries) InsertLog(transaction, entry);
        transaction.Commit();
        return Task.CompletedTask;
    }

    private SqliteInsertCommand InsertFor(TablePlan table, IReadOnlyList<int> ordinals)
    {
        var key = (table, string.Join(',', ordinals));
        if (!_inserts.TryGetValue(key, out var insert))
        {
            insert = new SqliteInsertCommand(_connection, table, ordinals);
            _inserts.Add(key, insert);
        }
        return insert;
    }

    private void InsertLog(SqliteTransaction transaction, ProcessingLogEntry entry) => _log.Execute(transaction, ProcessingLogSchema.Row(entry));

    public ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values) insert.Dispose();
        _log.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}

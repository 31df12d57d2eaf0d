using System.Diagnostics;
using Microsoft.Data.Sqlite;
using XmlShred.Contract;

namespace XmlShred.Storage.Sqlite;

/// <summary>
/// The single SQLite writer: one connection, one transaction per batch, prepared commands cached per
/// (table, column list) for the life of the writer. Rows are written table by table in write order across the
/// whole batch (all app_base rows, then all contacts, …), so parents always precede children. Each application's
/// processing_log row goes in first, insert-if-absent against the unique app_id index (the exactly-once gate): rows
/// are written only for the applications whose log row went in.
/// </summary>
internal sealed class SqliteBatchWriter : IBatchWriter
{
    private readonly SqliteConnection _connection;
    private readonly CompiledContract _contract;
    // Per table, one statement per column list seen (a table has one to a few: columns left out are defaulted).
    private readonly Dictionary<TablePlan, List<(int[] Ordinals, SqliteInsertCommand Insert)>> _inserts = [];
    private readonly SqliteInsertCommand _log;
    private readonly SqliteInsertCommand _replaceFailed;

    public SqliteBatchWriter(SqliteConnection connection, CompiledContract contract)
    {
        _connection = connection;
        _contract = contract;
        var plan = ProcessingLogSchema.Plan(contract);
        var all = Enumerable.Range(0, ProcessingLogSchema.Columns.Count).ToArray();
        var columns = ProcessingLogSchema.Columns.Select(c => c.Name).ToArray();
        _log = new SqliteInsertCommand(connection, plan, all, SqliteInsertCommand.Sql(plan, columns) + " ON CONFLICT (\"app_id\") DO NOTHING");
        // --retry-failed: the new row replaces a failed one (and only a failed one) in place.
        _replaceFailed = new SqliteInsertCommand(connection, plan, all,
            $"UPDATE {SqliteSchema.Q(contract.ProcessingLogTable)} SET {string.Join(", ", columns.Select((c, i) => (c, i)).Skip(1).Select(x => $"{SqliteSchema.Q(x.c)} = $p{x.i}"))} "
            + "WHERE \"app_id\" = $p0 AND \"status\" = 'failed'");
    }

    public Fleet.ClaimContext? Claims { get; set; }

    public Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var transaction = _connection.BeginTransaction();
        if (Claims is { } claims) claims.FenceAsync(_connection, transaction, batch.Select(w => w.Log.Lease), cancellationToken).GetAwaiter().GetResult();
        long rows = 0;
        var won = 0;
        // Each table is written across the batch in write order, so every parent row exists before its children;
        // only for the applications whose log row went in (the others were completed elsewhere).
        var tables = new List<(int Order, int App, Mapping.MappedTable Table)>();
        for (var a = 0; a < batch.Count; a++)
        {
            if (!InsertLog(batch[a].Log)) continue;
            won++;
            foreach (var table in batch[a].Result.Tables) tables.Add((table.Plan.WriteOrder, a, table));
        }
        tables.Sort(static (x, y) => x.Order != y.Order ? x.Order.CompareTo(y.Order) : x.App.CompareTo(y.App));
        foreach (var (_, _, table) in tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var insert = InsertFor(table.Plan, table.Present);
            foreach (var row in table.Rows) rows += insert.Execute(row);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var insertTime = clock.Elapsed;
        transaction.Commit();
        return Task.FromResult(new BatchWriteTimings(insertTime, clock.Elapsed - insertTime, rows + won) { DoneElsewhere = batch.Count - won });
    }

    public Task<IReadOnlyCollection<long>> WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return Task.FromResult<IReadOnlyCollection<long>>([]);
        using var transaction = _connection.BeginTransaction();
        if (Claims is { } claims) claims.FenceAsync(_connection, transaction, entries.Select(e => e.Lease), cancellationToken).GetAwaiter().GetResult();
        var written = entries.Where(InsertLog).Select(entry => entry.AppId).ToList();
        transaction.Commit();
        return Task.FromResult<IReadOnlyCollection<long>>(written);
    }

    private SqliteInsertCommand InsertFor(TablePlan table, IReadOnlyList<int> ordinals)
    {
        if (!_inserts.TryGetValue(table, out var variants)) _inserts.Add(table, variants = []);
        foreach (var (known, insert) in variants)
        {
            if (SameColumns(known, ordinals)) return insert;
        }
        var created = new SqliteInsertCommand(_connection, table, ordinals);
        variants.Add((ordinals.ToArray(), created));
        return created;
    }

    private static bool SameColumns(int[] known, IReadOnlyList<int> ordinals)
    {
        if (known.Length != ordinals.Count) return false;
        for (var i = 0; i < known.Length; i++)
        {
            if (known[i] != ordinals[i]) return false;
        }
        return true;
    }

    /// <summary>The gate for one application: true when its log row went in (replacing a failed one under --retry-failed).</summary>
    private bool InsertLog(ProcessingLogEntry entry)
    {
        var row = ProcessingLogSchema.Row(entry);
        if (Claims is { RetryFailed: true } && _replaceFailed.Execute(row) == 1) return true;
        return _log.Execute(row) == 1;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var (_, insert) in _inserts.Values.SelectMany(v => v)) insert.Dispose();
        _log.Dispose();
        _replaceFailed.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}

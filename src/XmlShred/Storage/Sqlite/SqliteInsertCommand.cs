using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage.Sqlite;

/// <summary>
/// One prepared INSERT for one (table, column list), reused for every row of every batch. The conflict clause
/// carries OUTPUT-6: insert-if-absent tables skip rows whose key exists (the first row wins, also inside a batch),
/// upsert tables overwrite the non-key columns the row has; every other table fails on a duplicate key.
/// </summary>
/// <remarks>
/// Rows go straight to SQLite's statement API on the connection's handle (bind by position, step, reset) rather
/// than through <see cref="SqliteCommand"/>, which per execution looks every parameter up by name, converts each
/// name to UTF-8 and builds a data reader: for the ~17 rows of an application that was most of the writer's
/// managed cost. The statements run inside whatever transaction the connection has open.
/// </remarks>
internal sealed class SqliteInsertCommand : IDisposable
{
    private const int BusyRetryMilliseconds = 30_000;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _ordinals;
    private readonly int[] _indexes; // SQLite's index of $p0, $p1, … (numbered by first appearance in the text)

    /// <param name="ordinals">Plan ordinals of the written columns; rows are read at these slots.</param>
    /// <param name="sql">The statement, when not the table kind's INSERT (<see cref="Sql"/>); parameters <c>$p0…</c> in ordinal order.</param>
    public SqliteInsertCommand(SqliteConnection connection, TablePlan table, IReadOnlyList<int> ordinals, string? sql = null)
    {
        _ordinals = ordinals.ToArray();
        _db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var text = sql ?? Sql(table, _ordinals.Select(o => table.Columns[o].Name).ToArray());
        var rc = raw.sqlite3_prepare_v2(_db, text, out _statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        var count = raw.sqlite3_bind_parameter_count(_statement);
        if (count != _ordinals.Length) throw new InvalidOperationException($"statement for {table.Name} has {count} parameters, {_ordinals.Length} columns were given");
        _indexes = new int[_ordinals.Length];
        for (var i = 0; i < _indexes.Length; i++) _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, "$p" + i);
    }

    public static string Sql(TablePlan table, IReadOnlyList<string> columns)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(SqliteSchema.Q(table.Name)).Append(" (");
        sql.AppendJoin(", ", columns.Select(SqliteSchema.Q)).Append(") VALUES (");
        sql.AppendJoin(", ", columns.Select((_, i) => "$p" + i)).Append(')');
        if (table.Kind.IsInsertIfAbsent())
        {
            sql.Append(" ON CONFLICT DO NOTHING");
        }
        else if (table.Kind.IsUpsert())
        {
            var updates = columns.Where(c => !table.KeyColumns.Contains(c)).Select(c => $"{SqliteSchema.Q(c)} = excluded.{SqliteSchema.Q(c)}").ToList();
            sql.Append(" ON CONFLICT (").AppendJoin(", ", table.KeyColumns.Select(SqliteSchema.Q)).Append(')');
            sql.Append(updates.Count == 0 ? " DO NOTHING" : " DO UPDATE SET " + string.Join(", ", updates));
        }
        return sql.ToString();
    }

    /// <summary>
    /// Writes one row (plan-shaped) in the connection's open transaction; returns the number of rows changed (0 when
    /// a conflict skipped it). A constraint violation throws <see cref="SqliteException"/>, as a command would.
    /// </summary>
    public int Execute(object?[] row)
    {
        try
        {
            for (var i = 0; i < _ordinals.Length; i++) Check(Bind(_indexes[i], row[_ordinals[i]]));
            var rc = Step();
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            // A statement left mid-step would keep the transaction from committing.
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Steps, waiting out another connection's lock the way a command would (busy_timeout covers most cases).</summary>
    private int Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc is not (raw.SQLITE_BUSY or raw.SQLITE_LOCKED)) return rc;
        var waited = Stopwatch.StartNew();
        while (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && waited.ElapsedMilliseconds < BusyRetryMilliseconds)
        {
            raw.sqlite3_reset(_statement);
            Thread.Sleep(50);
            rc = raw.sqlite3_step(_statement);
        }
        return rc;
    }

    /// <summary>
    /// The storage convention of <see cref="SqliteSchema.TypeOf"/>: integers as INTEGER, floats as REAL, everything
    /// else as TEXT in its one text form (decimals keep their scale, "12.50"); an empty string is NULL.
    /// </summary>
    private int Bind(int index, object? value) => value switch
    {
        null or DBNull or string { Length: 0 } => raw.sqlite3_bind_null(_statement, index),
        long l => raw.sqlite3_bind_int64(_statement, index, l),
        double d => raw.sqlite3_bind_double(_statement, index, d),
        string s => raw.sqlite3_bind_text16(_statement, index, s.AsSpan()),
        _ => raw.sqlite3_bind_text16(_statement, index, ValueText.ToText(value).AsSpan()),
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}

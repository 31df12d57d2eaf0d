using System.Text;
using Microsoft.Data.Sqlite;
using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage.Sqlite;

/// <summary>
/// One prepared INSERT for one (table, column list), reused for every row of every batch. The conflict clause
/// carries OUTPUT-6: insert-if-absent tables skip rows whose key exists (the first row wins, also inside a batch),
/// upsert tables overwrite the non-key columns the row has; every other table fails on a duplicate key.
/// </summary>
internal sealed class SqliteInsertCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private readonly int[] _ordinals;

    /// <param name="ordinals">Plan ordinals of the written columns; rows are read at these slots.</param>
    /// <param name="sql">The statement, when not the table kind's INSERT (<see cref="Sql"/>); parameters <c>$p0…</c> in ordinal order.</param>
    public SqliteInsertCommand(SqliteConnection connection, TablePlan table, IReadOnlyList<int> ordinals, string? sql = null)
    {
        _ordinals = ordinals.ToArray();
        _command = connection.CreateCommand();
        _command.CommandText = sql ?? Sql(table, _ordinals.Select(o => table.Columns[o].Name).ToArray());
        _parameters = new SqliteParameter[_ordinals.Length];
        for (var i = 0; i < _ordinals.Length; i++) _parameters[i] = _command.Parameters.Add("$p" + i, SqliteType.Text);
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

    /// <summary>Inserts one row (plan-shaped); returns the number of rows changed (0 when a conflict skipped it).</summary>
    public int Execute(SqliteTransaction transaction, object?[] row)
    {
        if (_command.Transaction != transaction) _command.Transaction = transaction;
        for (var i = 0; i < _parameters.Length; i++) Bind(_parameters[i], row[_ordinals[i]]);
        return _command.ExecuteNonQuery();
    }

    /// <summary>
    /// The storage convention of <see cref="SqliteSchema.TypeOf"/>: integers as INTEGER, floats as REAL, everything
    /// else as TEXT in its one text form (decimals keep their scale, "12.50").
    /// </summary>
    private static void Bind(SqliteParameter parameter, object? value)
    {
        switch (value)
        {
            case null or DBNull or string { Length: 0 }:
                parameter.SqliteType = SqliteType.Text;
                parameter.Value = DBNull.Value;
                break;
            case long:
                parameter.SqliteType = SqliteType.Integer;
                parameter.Value = value;
                break;
            case double:
                parameter.SqliteType = SqliteType.Real;
                parameter.Value = value;
                break;
            default:
                parameter.SqliteType = SqliteType.Text;
                parameter.Value = ValueText.ToText(value);
                break;
        }
    }

    public void Dispose() => _command.Dispose();
}

using System.Text;
using Microsoft.Data.Sqlite;
using XmlShred.Contract;

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

    public SqliteInsertCommand(SqliteConnection connection, TablePlan table, IReadOnlyList<string> columns)
    {
        _command = connection.CreateCommand();
        _command.CommandText = Sql(table, columns);
        _parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++) _parameters[i] = _command.Parameters.Add("$p" + i, SqliteType.Text);
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

    /// <summary>Inserts one row; returns the number of rows changed (0 when a conflict skipped it).</summary>
    public int Execute(SqliteTransaction transaction, object?[] row)
    {
        if (_command.Transaction != transaction) _command.Transaction = transaction;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var value = SqliteValues.ToParameter(i < row.Length ? row[i] : null);
            _parameters[i].SqliteType = value is long ? SqliteType.Integer : value is double ? SqliteType.Real : SqliteType.Text;
            _parameters[i].Value = value;
        }
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}

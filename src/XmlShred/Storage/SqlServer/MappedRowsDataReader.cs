using System.Collections;
using System.Data.Common;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// A forward-only <see cref="DbDataReader"/> over one row group, for SqlBulkCopy. Each row is converted once, on
/// <see cref="Read"/>, to the column's CLR type by a cast ("" → DBNull), so a bad value fails naming its table and column rather
/// than as bcp's anonymous "invalid column length". Optionally appends an ordinal column (batch order for dedupe).
/// </summary>
internal sealed class MappedRowsDataReader : DbDataReader
{
    public const string OrdinalColumn = ServerBatchWriter.OrdinalColumn;

    private readonly TableRowGroup _group;
    private readonly IReadOnlyList<string> _names;
    private readonly IReadOnlyList<ColumnSpec> _specs;
    private readonly List<object?[]> _rows;
    private readonly bool _withOrdinal;
    private readonly object[] _current;
    private int _index = -1;
    private bool _closed;

    public MappedRowsDataReader(TableRowGroup group, bool withOrdinal = false)
    {
        _group = group;
        _names = group.Columns;
        _specs = group.Specs;
        _rows = group.Rows;
        _withOrdinal = withOrdinal;
        _current = new object[FieldCount];
    }

    public override int FieldCount => _names.Count + (_withOrdinal ? 1 : 0);

    public override bool Read()
    {
        if (_closed || _index + 1 >= _rows.Count)
        {
            _index = _rows.Count;
            return false;
        }
        _index++;
        var row = _rows[_index];
        for (var i = 0; i < _names.Count; i++)
        {
            var value = _group.ValueAt(row, i);
            _current[i] = ColumnCast.IsNull(value) ? DBNull.Value
                : ColumnCast.Apply(SqlServerDialect.Instance.Types.Cast, _group.Plan.Name, _specs[i], value!, SqlServerDialect.Instance.SqlType(_specs[i]), $" (row {_index + 1})");
        }
        if (_withOrdinal) _current[_names.Count] = (long)_index;
        return true;
    }

    public override object GetValue(int ordinal)
    {
        if (_index < 0 || _index >= _rows.Count) throw new InvalidOperationException("No current row: call Read first.");
        return _current[ordinal];
    }

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override bool IsDBNull(int ordinal) => GetValue(ordinal) is DBNull;

    public override string GetName(int ordinal) => ordinal == _names.Count && _withOrdinal ? OrdinalColumn : _names[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            if (string.Equals(GetName(i), name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        // The ADO.NET contract of GetOrdinal names this exception; callers such as SqlBulkCopy expect it.
#pragma warning disable CA2201
        throw new IndexOutOfRangeException($"{_group.Plan.Name} has no column '{name}' in this batch.");
#pragma warning restore CA2201
    }

    public override Type GetFieldType(int ordinal) => ordinal == _names.Count && _withOrdinal ? typeof(long) : SqlServerDialect.Instance.Types.ClrType(_specs[ordinal]);

    public override string GetDataTypeName(int ordinal) => ordinal == _names.Count && _withOrdinal ? "bigint" : SqlServerDialect.Instance.SqlType(_specs[ordinal]);

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override int Depth => 0;
    public override bool HasRows => _rows.Count > 0;
    public override bool IsClosed => _closed;
    public override int RecordsAffected => -1;
    public override bool NextResult() => false;
    public override void Close() => _closed = true;
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);
    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);
    public override char GetChar(int ordinal) => GetString(ordinal)[0];
    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);
    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);
    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);
    public override float GetFloat(int ordinal) => (float)(double)GetValue(ordinal);
    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);
    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);
    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);
    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);
    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException("Mapped rows hold no binary columns.");

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null) return text.Length;
        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }
}

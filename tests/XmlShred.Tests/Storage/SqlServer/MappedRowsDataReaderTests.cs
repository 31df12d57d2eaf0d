using System.Data.Common;
using XmlShred.Storage;
using XmlShred.Storage.SqlServer;
using XmlShred.Tests.Storage;
using XmlShred.Values;

namespace XmlShred.Tests.Storage.SqlServer;

public class MappedRowsDataReaderTests
{
    private static readonly string[] s_columns = ["app_id", "tiny_col", "dec_col", "bit_col", "dt_col", "short_text", "long_text"];

    private static MappedRowsDataReader Reader(bool withOrdinal, params object?[][] rows)
    {
        var contract = StorageTestContract.Build("m");
        var group = new TableRowGroup(contract.FindTable("app_values")!, s_columns);
        foreach (var row in rows) group.AddInColumnOrder(row);
        return new MappedRowsDataReader(group, withOrdinal);
    }

    [Fact]
    public void Schema_NamesTypesAndOrdinalsFollowTheColumnSpecs()
    {
        using var reader = Reader(withOrdinal: true);

        Assert.Equal(8, reader.FieldCount);
        Assert.Equal(s_columns.Append(MappedRowsDataReader.OrdinalColumn), Enumerable.Range(0, 8).Select(reader.GetName));
        Assert.Equal([typeof(int), typeof(byte), typeof(decimal), typeof(bool), typeof(DateTime), typeof(string), typeof(string), typeof(long)],
            Enumerable.Range(0, 8).Select(reader.GetFieldType));
        Assert.Equal(2, reader.GetOrdinal("DEC_COL"));
        Assert.Equal("decimal(18,3)", reader.GetDataTypeName(2));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("missing"));
    }

    [Fact]
    public void Read_ConvertsMapperValuesToColumnTypesAndEmptyStringToDbNull()
    {
        var when = new DateTime(2024, 2, 29, 13, 45, 10, DateTimeKind.Utc);
        using var reader = Reader(withOrdinal: true, [5L, 200L, 1.234m, 1L, when, "", "text"], [6L, null, null, 0L, null, "ab", null]);

        Assert.True(reader.HasRows);
        Assert.True(reader.Read());
        Assert.Equal(5, reader.GetInt32(0));
        Assert.Equal((byte)200, reader.GetByte(1));
        Assert.Equal(1.234m, reader.GetDecimal(2));
        Assert.True(reader.GetBoolean(3));
        Assert.Equal(DateTimeKind.Unspecified, reader.GetDateTime(4).Kind);
        Assert.Equal(when.Ticks, reader.GetDateTime(4).Ticks);
        Assert.True(reader.IsDBNull(5));
        Assert.Equal("text", reader.GetString(6));
        Assert.Equal(0L, reader.GetInt64(7));

        Assert.True(reader.Read());
        var values = new object[8];
        Assert.Equal(8, reader.GetValues(values));
        Assert.Equal([6, DBNull.Value, DBNull.Value, false, DBNull.Value, "ab", DBNull.Value, 1L], values);
        Assert.False(reader.Read());
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_ValueThatDoesNotFit_NamesTableColumnAndRow()
    {
        using var reader = Reader(withOrdinal: false, [1L, 300L, null, null, null, null, null]);

        var error = Assert.Throws<ValueConversionException>(() => reader.Read());

        Assert.Contains("app_values.tiny_col", error.Message);
        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void GetValue_BeforeRead_Throws()
    {
        using var reader = Reader(withOrdinal: false, [1L, null, null, null, null, null, null]);

        Assert.Throws<InvalidOperationException>(() => reader.GetValue(0));
    }

    [Fact]
    public void Enumerator_YieldsEveryRecordOnce()
    {
        using DbDataReader reader = Reader(withOrdinal: false, [1L, null, null, null, null, null, null], [2L, null, null, null, null, null, null]);

        var ids = reader.Cast<System.Data.IDataRecord>().Select(r => r.GetInt32(0)).ToList();

        Assert.Equal([1, 2], ids);
    }
}

using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage;

/// <summary>A column type of a dialect: its SQL name and the CLR type its bulk loader is given.</summary>
internal readonly record struct SqlColumnType(string Sql, Type Clr);

/// <summary>
/// How one dialect stores each contract data type: the SQL type name and the CLR type a bulk loader expects, so that
/// DDL, bulk loads and casts come from one table. Decimals are <c>{Decimal}(18, scale)</c>; text columns are named
/// by <see cref="Text"/> from their length.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The parameters are named after the contract's data_type words they spell (int, decimal, float).")]
internal sealed record SqlColumnTypes(
    SqlColumnType Int, SqlColumnType SmallInt, SqlColumnType TinyInt, SqlColumnType BigInt, SqlColumnType Float, SqlColumnType Bit,
    SqlColumnType DateTime, SqlColumnType SmallDateTime, SqlColumnType Date, string Decimal, Func<int?, string> Text)
{
    public string SqlType(ColumnSpec column) => column.DataType switch
    {
        DataType.Decimal => $"{Decimal}({Mapping.ColumnFit.MaxDecimalDigits},{Mapping.ColumnFit.Scale(column)})",
        DataType.String or DataType.Other => Text(column.DataLength),
        var type => Of(type).Sql,
    };

    public Type ClrType(ColumnSpec column) => column.DataType switch
    {
        DataType.Decimal => typeof(decimal),
        DataType.String or DataType.Other => typeof(string),
        var type => Of(type).Clr,
    };

    /// <summary>A fitted value in <see cref="ClrType"/> (see <see cref="ColumnCast.To"/>).</summary>
    public object Cast(ColumnSpec column, object value) => ColumnCast.To(ClrType(column), value);

    private SqlColumnType Of(DataType type) => type switch
    {
        DataType.Int => Int,
        DataType.SmallInt => SmallInt,
        DataType.TinyInt => TinyInt,
        DataType.BigInt => BigInt,
        DataType.Float => Float,
        DataType.Bit or DataType.Boolean => Bit,
        DataType.DateTime => DateTime,
        DataType.SmallDateTime => SmallDateTime,
        _ => Date,
    };
}

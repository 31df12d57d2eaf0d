using NpgsqlTypes;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// Contract data types as PostgreSQL columns. Bits are stored as smallint 0/1 (the mapper gives long 0/1, and the
/// other targets read back the same numbers), dates and datetimes as timestamp without time zone (values are naive).
/// </summary>
internal static class PostgresTypes
{
    public const int DefaultDecimalScale = 2;

    public static string SqlType(ColumnSpec column) => column.DataType switch
    {
        DataType.Int => "integer",
        DataType.SmallInt or DataType.TinyInt or DataType.Bit or DataType.Boolean => "smallint",
        DataType.BigInt => "bigint",
        DataType.Decimal => $"numeric(18,{Scale(column)})",
        DataType.Float => "double precision",
        DataType.DateTime or DataType.SmallDateTime or DataType.Date => "timestamp",
        _ => column.DataLength is > 0 ? $"varchar({column.DataLength})" : "text",
    };

    /// <summary>decimal's data_length is its scale (VALUE-1); numeric(18, s) allows at most 18 digits.</summary>
    public static int Scale(ColumnSpec column) => column.DataLength is >= 0 and <= 18 ? column.DataLength.Value : DefaultDecimalScale;

    public static NpgsqlDbType DbType(ColumnSpec column) => column.DataType switch
    {
        DataType.Int => NpgsqlDbType.Integer,
        DataType.SmallInt or DataType.TinyInt or DataType.Bit or DataType.Boolean => NpgsqlDbType.Smallint,
        DataType.BigInt => NpgsqlDbType.Bigint,
        DataType.Decimal => NpgsqlDbType.Numeric,
        DataType.Float => NpgsqlDbType.Double,
        DataType.DateTime or DataType.SmallDateTime or DataType.Date => NpgsqlDbType.Timestamp,
        _ => column.DataLength is > 0 ? NpgsqlDbType.Varchar : NpgsqlDbType.Text,
    };

    /// <summary>The value in the CLR type that matches <see cref="DbType"/> exactly (binary COPY does not convert).</summary>
    public static object Convert(ColumnSpec column, object value) => column.DataType switch
    {
        DataType.Int => ValueCoercion.ToInt32(value),
        DataType.SmallInt or DataType.TinyInt => ValueCoercion.ToInt16(value),
        DataType.Bit or DataType.Boolean => (short)(ValueCoercion.ToBoolean(value) ? 1 : 0),
        DataType.BigInt => ValueCoercion.ToInt64(value),
        DataType.Decimal => ValueCoercion.ToDecimal(value),
        DataType.Float => ValueCoercion.ToDouble(value),
        DataType.DateTime or DataType.SmallDateTime or DataType.Date => ValueCoercion.ToDateTime(value),
        _ => ValueCoercion.ToText(value),
    };

    /// <summary>Double-quoted identifier; contract names are validated plain identifiers, quoting keeps their case.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Qualified(string schema, string table) => Quote(schema) + "." + Quote(table);
}

using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// Contract data types as T-SQL columns (SCHEMA.md): int, smallint, tinyint, bigint, decimal(18, s), bit, datetime,
/// smalldatetime, date. Strings are nvarchar so no text is lost to a code page; values go to SqlBulkCopy in the
/// CLR type of the column.
/// </summary>
internal static class SqlServerTypes
{
    public static string SqlType(ColumnSpec column) => column.DataType switch
    {
        DataType.Int => "int",
        DataType.SmallInt => "smallint",
        DataType.TinyInt => "tinyint",
        DataType.BigInt => "bigint",
        DataType.Decimal => $"decimal(18,{Postgres.PostgresTypes.Scale(column)})",
        DataType.Float => "float",
        DataType.Bit or DataType.Boolean => "bit",
        DataType.DateTime => "datetime",
        DataType.SmallDateTime => "smalldatetime",
        DataType.Date => "date",
        _ => column.DataLength is > 0 and <= 4000 ? $"nvarchar({column.DataLength})" : "nvarchar(max)",
    };

    public static object Convert(ColumnSpec column, object value) => column.DataType switch
    {
        DataType.Int => ValueCoercion.ToInt32(value),
        DataType.SmallInt => ValueCoercion.ToInt16(value),
        DataType.TinyInt => ValueCoercion.ToByte(value),
        DataType.BigInt => ValueCoercion.ToInt64(value),
        DataType.Decimal => ValueCoercion.ToDecimal(value),
        DataType.Float => ValueCoercion.ToDouble(value),
        DataType.Bit or DataType.Boolean => ValueCoercion.ToBoolean(value),
        DataType.DateTime or DataType.SmallDateTime or DataType.Date => ValueCoercion.ToDateTime(value),
        _ => ValueCoercion.ToText(value),
    };

    public static Type ClrType(ColumnSpec column) => column.DataType switch
    {
        DataType.Int => typeof(int),
        DataType.SmallInt => typeof(short),
        DataType.TinyInt => typeof(byte),
        DataType.BigInt => typeof(long),
        DataType.Decimal => typeof(decimal),
        DataType.Float => typeof(double),
        DataType.Bit or DataType.Boolean => typeof(bool),
        DataType.DateTime or DataType.SmallDateTime or DataType.Date => typeof(DateTime),
        _ => typeof(string),
    };

    /// <summary>Bracket-quoted identifier (contract names are validated plain identifiers; ] is doubled anyway).</summary>
    public static string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    public static string Qualified(string schema, string table) => Quote(schema) + "." + Quote(table);

    /// <summary>An N'…' literal of a qualified name, for OBJECT_ID().</summary>
    public static string NameLiteral(string schema, string table) => "N'" + Qualified(schema, table).Replace("'", "''", StringComparison.Ordinal) + "'";
}

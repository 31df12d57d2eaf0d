using System.Data.Common;
using System.Data;
using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// T-SQL's spelling of the shared SQL. Column types follow the production schema: int, smallint, tinyint, bigint,
/// decimal(18, s), bit, datetime, smalldatetime, date; strings are nvarchar so no text is lost to a code page.
/// Values go to SqlBulkCopy in the CLR type of the column.
/// </summary>
internal sealed class SqlServerDialect : ISqlDialect
{
    public static SqlServerDialect Instance { get; } = new();

    public string SqlType(ColumnSpec column) => column.DataType switch
    {
        DataType.Int => "int",
        DataType.SmallInt => "smallint",
        DataType.TinyInt => "tinyint",
        DataType.BigInt => "bigint",
        DataType.Decimal => $"decimal(18,{Mapping.ColumnFit.Scale(column)})",
        DataType.Float => "float",
        DataType.Bit or DataType.Boolean => "bit",
        DataType.DateTime => "datetime",
        DataType.SmallDateTime => "smalldatetime",
        DataType.Date => "date",
        _ => column.DataLength is > 0 and <= 4000 ? $"nvarchar({column.DataLength})" : "nvarchar(max)",
    };

    public string TimestampType => "datetime2(7)";
    public string IdentityKey => "bigint IDENTITY(1,1) NOT NULL PRIMARY KEY";
    public string? UtcNowDefault => "SYSUTCDATETIME()";
    public string CountAll => "COUNT_BIG(*)";

    public string Page(string columns, string from, string where, string orderBy) =>
        $"SELECT TOP ({SourceQuery.PageSize}) {columns} FROM {from}\nWHERE {where}\nORDER BY {orderBy}";

    /// <summary>Sequential access streams large XML values instead of buffering whole rows.</summary>
    public CommandBehavior PageBehavior => CommandBehavior.SequentialAccess;

    public async ValueTask<string> ReadTextAsync(DbDataReader reader, int ordinal, CancellationToken cancellationToken)
    {
        using var text = reader.GetTextReader(ordinal);
        return await text.ReadToEndAsync(cancellationToken);
    }

    public static object Cast(ColumnSpec column, object value) => column.DataType switch
    {
        DataType.Int => ColumnCast.ToInt32(value),
        DataType.SmallInt => ColumnCast.ToInt16(value),
        DataType.TinyInt => ColumnCast.ToByte(value),
        DataType.BigInt => (long)value,
        DataType.Decimal => (decimal)value,
        DataType.Float => ColumnCast.ToDouble(value),
        DataType.Bit or DataType.Boolean => ColumnCast.ToBoolean(value),
        DataType.DateTime or DataType.SmallDateTime or DataType.Date => ColumnCast.ToDateTime(value),
        _ => (string)value,
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
    public string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    public string Qualified(string schema, string table) => Quote(schema) + "." + Quote(table);

    /// <summary>An N'…' literal of a qualified name, for OBJECT_ID().</summary>
    public string NameLiteral(string schema, string table) => "N'" + Qualified(schema, table).Replace("'", "''", StringComparison.Ordinal) + "'";
}

using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage;

/// <summary>
/// The casts writers apply to fitted row values (see <c>Mapping.ColumnFit</c>): integers arrive as long, decimals as
/// decimal, floats as decimal or double, date-times as DateTime, text as string. Narrowing casts are checked, so a
/// value that was not fitted fails as a <see cref="ValueConversionException"/> naming its table and column rather
/// than corrupting a binary stream.
/// </summary>
public static class ColumnCast
{
    /// <summary>Null, DBNull and "" are all written as NULL.</summary>
    public static bool IsNull(object? value) => value is null || value is DBNull || value is string { Length: 0 };

    public static int ToInt32(object value) => checked((int)(long)value);
    public static short ToInt16(object value) => checked((short)(long)value);
    public static byte ToByte(object value) => checked((byte)(long)value);
    public static bool ToBoolean(object value) => (long)value != 0;
    public static double ToDouble(object value) => value is double d ? d : (double)(decimal)value;

    /// <summary>Naive timestamps: any Kind is dropped.</summary>
    public static DateTime ToDateTime(object value) => DateTime.SpecifyKind((DateTime)value, DateTimeKind.Unspecified);

    /// <summary>Applies <paramref name="cast"/>, turning a failed cast into an error that names where the value was bound.</summary>
    public static object Apply(Func<ColumnSpec, object, object> cast, string table, ColumnSpec column, object value, string columnType, string? where = null)
    {
        try
        {
            return cast(column, value);
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or NullReferenceException)
        {
            throw new ValueConversionException($"{table}.{column.Name}{where}: value '{value}' does not fit {columnType}", ex);
        }
    }
}

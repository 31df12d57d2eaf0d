using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage;

/// <summary>
/// The casts writers apply to fitted row values (see <c>Mapping.ColumnFit</c>): integers arrive as long, decimals as
/// decimal, floats as decimal or double, date-times as DateTime, text as string. Narrowing casts are checked, so a
/// value that was not fitted fails as a <see cref="ValueConversionException"/> naming its table and column rather
/// than corrupting a binary stream.
/// </summary>
internal static class ColumnCast
{
    /// <summary>Null, DBNull and "" are all written as NULL.</summary>
    public static bool IsNull(object? value) => value is null || value is DBNull || value is string { Length: 0 };

    /// <summary>
    /// A fitted value as <paramref name="clr"/>: integers narrowed (checked) from long, bits as bool or 0/1, floats as
    /// double, timestamps naive (any Kind dropped); decimals and strings as they are.
    /// </summary>
    public static object To(Type clr, object value) => clr switch
    {
        _ when clr == typeof(long) => (long)value,
        _ when clr == typeof(int) => checked((int)(long)value),
        _ when clr == typeof(short) => checked((short)(long)value),
        _ when clr == typeof(byte) => checked((byte)(long)value),
        _ when clr == typeof(bool) => (long)value != 0,
        _ when clr == typeof(double) => value is double d ? d : (double)(decimal)value,
        _ when clr == typeof(decimal) => (decimal)value,
        _ when clr == typeof(DateTime) => DateTime.SpecifyKind((DateTime)value, DateTimeKind.Unspecified),
        _ => (string)value,
    };

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

using System.Globalization;

namespace XmlShred.Storage;

/// <summary>
/// Turns mapper values (long, decimal, string, DateTime, null) into the exact CLR type a column's driver expects.
/// Binary COPY and bulk copy do not convert for us: a long sent as int4 corrupts the stream, so convert here.
/// </summary>
public static class ValueCoercion
{
    /// <summary>Null and "" (written as NULL, OUTPUT-4) are both absent values.</summary>
    public static bool IsNull(object? value) => value is null || value is DBNull || value is string { Length: 0 };

    public static long ToInt64(object value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        bool b => b ? 1 : 0,
        decimal d => decimal.ToInt64(decimal.Truncate(d)),
        double d => checked((long)d),
        string s => long.Parse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    public static int ToInt32(object value) => checked((int)ToInt64(value));

    public static short ToInt16(object value) => checked((short)ToInt64(value));

    public static byte ToByte(object value) => checked((byte)ToInt64(value));

    public static bool ToBoolean(object value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => ToInt64(value) != 0,
    };

    public static decimal ToDecimal(object value) => value switch
    {
        decimal d => d,
        long l => l,
        int i => i,
        double d => (decimal)d,
        string s => decimal.Parse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    public static double ToDouble(object value) => value switch
    {
        double d => d,
        decimal d => (double)d,
        long l => l,
        string s => double.Parse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Naive timestamps: the mapper's DateTime carries no zone, so any Kind is stripped.</summary>
    public static DateTime ToDateTime(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Unspecified),
        DateTimeOffset o => o.DateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.None),
        _ => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
    };

    public static string ToText(object value) => value switch
    {
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

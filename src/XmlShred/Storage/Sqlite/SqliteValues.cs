using System.Globalization;

namespace XmlShred.Storage.Sqlite;

/// <summary>How mapped values become SQLite parameter values (the storage convention of <see cref="SqliteSchema.TypeOf"/>).</summary>
internal static class SqliteValues
{
    public static object ToParameter(object? value) => value switch
    {
        null => DBNull.Value,
        string { Length: 0 } => DBNull.Value, // OUTPUT-4: every "" is written as NULL
        string s => s,
        long or int or short or byte => value,
        bool b => b ? 1L : 0L,
        decimal d => d.ToString(CultureInfo.InvariantCulture), // keeps the scale: 12.50m → "12.50"
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double or float => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? (object)DBNull.Value,
    };
}

using System.Data.Common;
using System.Globalization;

namespace XmlShred.Tests.Pipeline;

/// <summary>Reads a query's rows the same way for every provider.</summary>
internal static class DbRows
{
    public static async Task<List<object?[]>> ReadAsync(DbCommand command, Func<object, object?> normalise, CancellationToken cancellationToken = default)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = normalise(reader.GetValue(i));
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// Values as SQLite returns them, so the shared assertions and table dumps compare equal on a server: integers and
    /// bits as long, timestamps as ISO text, decimals as invariant text (which keeps their scale), DBNull as null.
    /// </summary>
    public static object? AsSqlite(object value) => value switch
    {
        DBNull => null,
        bool b => b ? 1L : 0L,
        byte or short or int => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => value,
    };
}

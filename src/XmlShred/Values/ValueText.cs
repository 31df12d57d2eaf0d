using System.Globalization;

namespace XmlShred.Values;

/// <summary>
/// The one text form of each value type: integers as digits, decimals as held (scale kept, "12.50"), date-times as
/// <c>YYYY-MM-DD HH:MM:SS[.ffffff]</c>, floats in round-trip form. Used wherever a value becomes text: a string
/// column, a key comparison, a SQLite TEXT cell.
/// </summary>
internal static class ValueText
{
    public static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    public static string ToText(object value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => DecimalText.ToPlain(d),
        DateTime dt => DateTimeText.ToText(dt),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string DigitsOnly(string value)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) count++;
        }
        if (count == value.Length) return value;
        return string.Create(count, value, static (span, source) =>
        {
            var n = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiDigit(c)) span[n++] = c;
            }
        });
    }

    /// <summary>Keeps the first <paramref name="length"/> code points; a surrogate pair counts as one and is never split.</summary>
    public static string Truncate(string value, int length)
    {
        if (value.Length <= length) return value;
        var units = 0;
        for (var points = 0; points < length && units < value.Length; points++)
        {
            units += char.IsHighSurrogate(value[units]) && units + 1 < value.Length && char.IsLowSurrogate(value[units + 1]) ? 2 : 1;
        }
        return value[..units];
    }
}

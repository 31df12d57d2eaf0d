using System.Globalization;
using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>
/// Type conversions of VALUE-1. Mapper values are <see cref="long"/>, <see cref="decimal"/> (with its scale),
/// <see cref="string"/>, <see cref="DateTime"/> or null; every failure yields null, never an exception.
/// </summary>
internal static class ValueConversion
{
    public const int DefaultDecimalScale = 2;

    public static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>The generic conversion <c>generic(v, type)</c> (VALUE-1); <paramref name="scale"/> is used for decimals.</summary>
    public static object? Generic(object? value, DataType type, int? scale = null)
    {
        if (IsBlank(value)) return null;
        return type switch
        {
            DataType.String or DataType.Other => ToText(value!),
            DataType.Int or DataType.SmallInt or DataType.TinyInt or DataType.BigInt => ToInteger(value!),
            DataType.Decimal => ToDecimal(value!, scale ?? DefaultDecimalScale),
            DataType.Float => value switch
            {
                string s => DecimalText.TryParse(s, out var d) ? d : null,
                long l => (decimal)l,
                decimal d => d,
                _ => null,
            },
            DataType.DateTime or DataType.SmallDateTime or DataType.Date => value switch
            {
                string s => DateTimeText.TryParse(s, out var dt) ? dt : null,
                DateTime dt => dt,
                _ => null,
            },
            DataType.Bit or DataType.Boolean => value switch
            {
                string s => BitText.TryParse(s, out var bit) ? (long)bit : null,
                long l => l != 0 ? 1L : 0L,
                decimal d => d != 0 ? 1L : 0L,
                _ => null,
            },
            _ => ToText(value!),
        };
    }

    /// <summary>Plain-mapping conversion of a non-blank value (CHAIN-1): integer grammar VALUE-2, decimal at scale VALUE-4, else generic.</summary>
    public static object? Plain(string value, MappingEntry entry)
    {
        if (entry.DataType.IsInteger()) return IntegerText.TryParsePlain(value, out var n) ? n : null;
        if (entry.DataType == DataType.Decimal) return ToDecimal(value, entry.DataLength ?? DefaultDecimalScale);
        return Generic(value, entry.DataType, entry.DataLength);
    }

    public static object? ToInteger(object value) => value switch
    {
        string s => IntegerText.TryParseGeneric(s, out var n) ? n : null,
        long l => l,
        decimal d => RoundToLong(d),
        _ => null,
    };

    public static object? ToDecimal(object value, int scale) => value switch
    {
        string s => DecimalText.TryParse(s, out var d) ? DecimalText.Rescale(d, scale) : null,
        long l => DecimalText.Rescale(l, scale),
        decimal d => DecimalText.Rescale(d, scale),
        _ => null,
    };

    public static object? RoundToLong(decimal d)
    {
        var rounded = decimal.Round(d, 0, MidpointRounding.AwayFromZero);
        return rounded is >= long.MinValue and <= long.MaxValue ? (long)rounded : null;
    }

    /// <summary>Text of a value: integers as digits, decimals as held, date-times as <c>YYYY-MM-DD HH:MM:SS[.ffffff]</c>.</summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => DecimalText.ToPlain(d),
        DateTime dt => dt.Ticks % TimeSpan.TicksPerSecond / 10 == 0
            ? dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Typed default (DEFAULT-1): the default converted to the entry's type, or null when blank or unconvertible.</summary>
    public static object? TypedDefault(MappingEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.DefaultText)) return null;
        var scale = entry.DataType == DataType.Decimal ? entry.DataLength : null;
        var typed = Generic(entry.DefaultText, entry.DataType, scale);
        return typed is string s ? PostProcess(s, entry, numbersOnly: false) : typed;
    }

    /// <summary>VALUE-7 on a string result: optional digit filter, trim, truncate to data_length (code points), trim.</summary>
    public static string PostProcess(string value, MappingEntry entry, bool numbersOnly)
    {
        var s = numbersOnly ? DigitsOnly(value) : value;
        s = s.Trim();
        if (entry.DataLength is { } length && length >= 0) s = Truncate(s, length).Trim();
        return s;
    }

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

    /// <summary>Keeps the first <paramref name="length"/> code points; a surrogate pair counts as one and is never split (VALUE-7).</summary>
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

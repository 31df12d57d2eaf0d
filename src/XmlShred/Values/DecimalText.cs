using System.Globalization;

namespace XmlShred.Values;

/// <summary>
/// The decimal grammar of VALUE-4 and the decimal text forms of the goldens (OUTPUT-7).
/// The grammar is validated by hand so that <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/>
/// only ever sees the forms VALUE-4 accepts (it would otherwise allow thousands separators, currency, etc.).
/// </summary>
internal static class DecimalText
{
    private const NumberStyles ValidatedStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private const int MaxScale = 28;
    private const int StackLimit = 128;
    private static readonly decimal[] PowersOfTen = BuildPowersOfTen();
    private static readonly decimal[] UnitsWithScale = BuildUnitsWithScale();

    /// <summary>
    /// Trimmed text: sign, digits with optional <c>.</c> and fraction (or <c>.digits</c>), optional exponent;
    /// <c>_</c> tolerated between two digits. Values beyond System.Decimal's range return false.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        var s = text.Trim();
        if (!IsValid(s, out var hasUnderscore)) return false;
        if (!hasUnderscore) return decimal.TryParse(s, ValidatedStyles, CultureInfo.InvariantCulture, out value);

        Span<char> buffer = s.Length <= StackLimit ? stackalloc char[s.Length] : new char[s.Length];
        var length = 0;
        foreach (var c in s)
        {
            if (c != '_') buffer[length++] = c;
        }
        return decimal.TryParse(buffer[..length], ValidatedStyles, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Rounds half away from zero to <paramref name="scale"/> fraction digits and makes the value carry exactly
    /// that scale (10 at scale 2 prints "10.00"). Scales above 28 are treated as 28; a negative scale rounds to
    /// that power of ten (scale −2: 1250 → 1300) and leaves no fraction digits.
    /// </summary>
    public static decimal Rescale(decimal value, int scale)
    {
        var rounded = Round(value, scale, MidpointRounding.AwayFromZero);
        if (scale < 0) return rounded;
        scale = Math.Min(scale, MaxScale);
        // Multiplying by 1 written with the missing zeros (1.0, 1.00, …) raises the scale without changing the
        // value; System.Decimal quietly keeps a smaller scale when the digits would not fit.
        return rounded.Scale < scale ? rounded * UnitsWithScale[scale - rounded.Scale] : rounded;
    }

    /// <summary>
    /// Rounds to <paramref name="digits"/> fraction digits with the given mode (AwayFromZero, or ToZero to truncate);
    /// negative digits round to that power of ten (−2: 1250 → 1300), as SQL's ROUND does.
    /// </summary>
    internal static decimal Round(decimal value, int digits, MidpointRounding mode)
    {
        if (digits >= 0) return Math.Round(value, Math.Min(digits, MaxScale), mode);
        if (digits < -MaxScale) return 0m;
        var factor = PowersOfTen[-digits];
        return Math.Round(value / factor, 0, mode) * factor;
    }

    /// <summary>Invariant plain notation as held, trailing zeros kept ("10.00"); negative zero prints as zero.</summary>
    public static string ToPlain(decimal value) => WithoutNegativeZero(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Plain notation without trailing fractional zeros or a trailing '.' ("12.50" → "12.5", "-0" → "0").</summary>
    public static string ToCanonicalNumber(decimal value)
    {
        Span<char> buffer = stackalloc char[64];
        WithoutNegativeZero(value).TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture);
        var text = buffer[..length];
        if (text.IndexOf('.') >= 0)
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }
        return text is "-0" ? "0" : text.ToString();
    }

    private static decimal[] BuildPowersOfTen()
    {
        var powers = new decimal[MaxScale + 1];
        var power = 1m;
        for (var i = 0; i <= MaxScale; i++)
        {
            powers[i] = power;
            if (i < MaxScale) power *= 10m;
        }
        return powers;
    }

    // 1 written with `scale` fraction zeros (1.00 for scale 2): multiplying by it raises a value's scale exactly.
    private static decimal[] BuildUnitsWithScale()
    {
        var units = new decimal[MaxScale + 1];
        Span<int> bits = stackalloc int[4];
        for (var scale = 0; scale <= MaxScale; scale++)
        {
            decimal.GetBits(PowersOfTen[scale], bits);
            units[scale] = new decimal(bits[0], bits[1], bits[2], false, (byte)scale);
        }
        return units;
    }

    private static decimal WithoutNegativeZero(decimal value) => value == 0m && decimal.IsNegative(value) ? decimal.Negate(value) : value;

    // sign? ( digits ( "." digits? )? | "." digits ) ( [eE] sign? digits )?, with "_" only between two digits.
    private static bool IsValid(ReadOnlySpan<char> s, out bool hasUnderscore)
    {
        hasUnderscore = false;
        var pos = 0;
        if (pos < s.Length && (s[pos] == '+' || s[pos] == '-')) pos++;
        var integerDigits = ReadDigitRun(s, ref pos, ref hasUnderscore);
        var fractionDigits = 0;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            fractionDigits = ReadDigitRun(s, ref pos, ref hasUnderscore);
        }
        if (integerDigits + fractionDigits == 0) return false;

        if (pos < s.Length && (s[pos] == 'e' || s[pos] == 'E'))
        {
            pos++;
            if (pos < s.Length && (s[pos] == '+' || s[pos] == '-')) pos++;
            if (ReadDigitRun(s, ref pos, ref hasUnderscore) == 0) return false;
        }
        return pos == s.Length;
    }

    private static int ReadDigitRun(ReadOnlySpan<char> s, ref int pos, ref bool hasUnderscore)
    {
        var count = 0;
        while (pos < s.Length)
        {
            var c = s[pos];
            if (char.IsAsciiDigit(c))
            {
                count++;
                pos++;
            }
            else if (c == '_' && count > 0 && pos + 1 < s.Length && char.IsAsciiDigit(s[pos + 1]))
            {
                hasUnderscore = true;
                pos++;
            }
            else
            {
                break;
            }
        }
        return count;
    }
}

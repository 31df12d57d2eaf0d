using System.Globalization;

namespace XmlShred.Values;

/// <summary>
/// The plain number grammar: optional sign, digits, optional fraction (<c>5</c>, <c>-5.00</c>, <c>.5</c>, <c>5.</c>);
/// no exponent. Strings must match it to act as numbers inside the expression language (EXPR-5), and plain integer
/// columns read it with <c>,</c> allowed between digits (<see cref="IntegerText.TryParsePlain"/>). One scanner serves both.
/// </summary>
internal static class PlainNumber
{
    private const int MaxFastDigits = 19; // fits in a ulong
    private const NumberStyles ValidatedStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The parts of a plain number: its sign, its integer digits (with any grouping commas) and its fraction digits.</summary>
    public readonly ref struct Parts(bool negative, ReadOnlySpan<char> integer, int integerDigits, ReadOnlySpan<char> fraction)
    {
        public bool Negative { get; } = negative;
        /// <summary>The integer digits as written, commas included when grouping was allowed.</summary>
        public ReadOnlySpan<char> Integer { get; } = integer;
        /// <summary>How many digits <see cref="Integer"/> holds (commas not counted).</summary>
        public int IntegerDigits { get; } = integerDigits;
        public ReadOnlySpan<char> Fraction { get; } = fraction;
    }

    /// <summary>
    /// Scans <paramref name="text"/> (trimmed) as a plain number. With <paramref name="allowGrouping"/> a single
    /// <c>,</c> may stand between two integer digits (the grouping itself is not checked). False when anything else
    /// is left over or there is no digit at all.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<char> text, bool allowGrouping, out Parts parts)
    {
        parts = default;
        var s = text.Trim();
        var pos = 0;
        var negative = false;
        if (pos < s.Length && (s[pos] == '+' || s[pos] == '-'))
        {
            negative = s[pos] == '-';
            pos++;
        }

        var integerStart = pos;
        var integerDigits = 0;
        while (pos < s.Length)
        {
            var c = s[pos];
            if (char.IsAsciiDigit(c)) integerDigits++;
            else if (!(allowGrouping && c == ',' && integerDigits > 0 && pos + 1 < s.Length && char.IsAsciiDigit(s[pos + 1]))) break;
            pos++;
        }
        var integer = s[integerStart..pos];

        var fraction = ReadOnlySpan<char>.Empty;
        if (pos < s.Length && s[pos] == '.')
        {
            var fractionStart = ++pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
            fraction = s[fractionStart..pos];
        }
        if (pos != s.Length || integerDigits + fraction.Length == 0) return false;
        parts = new Parts(negative, integer, integerDigits, fraction);
        return true;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        if (!TryScan(text, allowGrouping: false, out var parts)) return false;

        // Field values are short; only long ones pay for the general parser.
        var digits = parts.IntegerDigits + parts.Fraction.Length;
        if (digits > MaxFastDigits || parts.Fraction.Length > 28)
            return decimal.TryParse(text.Trim(), ValidatedStyles, CultureInfo.InvariantCulture, out value);

        ulong mantissa = 0;
        foreach (var c in parts.Integer) mantissa = mantissa * 10 + (ulong)(c - '0');
        foreach (var c in parts.Fraction) mantissa = mantissa * 10 + (ulong)(c - '0');
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, parts.Negative, (byte)parts.Fraction.Length);
        return true;
    }
}

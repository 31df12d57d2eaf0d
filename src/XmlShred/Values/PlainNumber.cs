using System.Globalization;

namespace XmlShred.Values;

/// <summary>
/// The "plain number grammar" strings must match to act as numbers inside the language (EXPR-5):
/// optional sign, digits, optional fraction (<c>5</c>, <c>-5.00</c>, <c>.5</c>, <c>5.</c>); no exponent, no grouping.
/// </summary>
internal static class PlainNumber
{
    private const int MaxFastDigits = 19; // fits in a ulong
    private const NumberStyles ValidatedStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        var s = text.Trim();
        var pos = 0;
        var negative = false;
        if (pos < s.Length && (s[pos] == '+' || s[pos] == '-'))
        {
            negative = s[pos] == '-';
            pos++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var fractionDigits = 0;
        var seenPoint = false;
        for (; pos < s.Length; pos++)
        {
            var c = s[pos];
            if (char.IsAsciiDigit(c))
            {
                if (digits < MaxFastDigits) mantissa = mantissa * 10 + (ulong)(c - '0');
                digits++;
                if (seenPoint) fractionDigits++;
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0) return false;

        // Field values are short; only long ones pay for the general parser.
        if (digits > MaxFastDigits || fractionDigits > 28)
            return decimal.TryParse(s, ValidatedStyles, CultureInfo.InvariantCulture, out value);

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)fractionDigits);
        return true;
    }
}

namespace XmlShred.Values;

/// <summary>The two integer grammars of VALUE-2, VALUE-3; both round half away from zero and reject values outside <see cref="long"/>.</summary>
internal static class IntegerText
{
    private const int StackLimit = 128;
    private const ulong MagnitudeLimit = long.MaxValue + 1UL; // |long.MinValue|

    /// <summary>
    /// Generic integer conversion (VALUE-3): trim, remove every <c>,</c>, then the decimal grammar of VALUE-4
    /// (so "1e3" → 1000, "+7" → 7), rounded half away from zero ("2.5" → 3, "-2.5" → -3).
    /// </summary>
    public static bool TryParseGeneric(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var s = text.Trim();
        decimal number;
        if (s.IndexOf(',') < 0)
        {
            if (!DecimalText.TryParse(s, out number)) return false;
        }
        else
        {
            Span<char> buffer = s.Length <= StackLimit ? stackalloc char[s.Length] : new char[s.Length];
            var length = 0;
            foreach (var c in s)
            {
                if (c != ',') buffer[length++] = c;
            }
            if (!DecimalText.TryParse(buffer[..length], out number)) return false;
        }
        return TryRound(number, out value);
    }

    /// <summary>
    /// Plain integer columns (CHAIN-1, VALUE-2): optional sign, digits with single <c>,</c> between digits
    /// (grouping not checked), optional <c>.</c> with optional fraction digits, or <c>.digits</c>; no exponent.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (!PlainNumber.TryScan(text, allowGrouping: true, out var parts)) return false;

        ulong magnitude = 0;
        foreach (var c in parts.Integer)
        {
            if (c == ',') continue;
            if (magnitude > MagnitudeLimit / 10) return false;
            magnitude = magnitude * 10 + (ulong)(c - '0');
            if (magnitude > MagnitudeLimit) return false;
        }
        // Half away from zero only depends on the first fraction digit: x.5… and above round outward.
        if (!parts.Fraction.IsEmpty && parts.Fraction[0] >= '5') magnitude++;
        if (parts.Negative)
        {
            if (magnitude > MagnitudeLimit) return false;
            value = magnitude == MagnitudeLimit ? long.MinValue : -(long)magnitude;
            return true;
        }
        if (magnitude > long.MaxValue) return false;
        value = (long)magnitude;
        return true;
    }

    /// <summary>Rounds a decimal half away from zero to a long; false when it does not fit.</summary>
    public static bool TryRound(decimal number, out long value)
    {
        var rounded = Math.Round(number, 0, MidpointRounding.AwayFromZero);
        if (rounded < long.MinValue || rounded > long.MaxValue)
        {
            value = 0;
            return false;
        }
        value = (long)rounded;
        return true;
    }
}

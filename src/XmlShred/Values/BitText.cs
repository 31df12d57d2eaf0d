namespace XmlShred.Values;

/// <summary>Generic bit conversion of VALUE-6: words and numbers to 0/1; anything else is not a bit.</summary>
internal static class BitText
{
    /// <summary>
    /// Trimmed, case-insensitive: <c>1 true y yes t</c> → 1; <c>0 false n no f</c> and "" → 0;
    /// another number (VALUE-4 grammar) → 1 if non-zero else 0; anything else → false.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int bit)
    {
        var s = text.Trim();
        if (s.IsEmpty || IsAnyOf(s, "0", "false", "n", "no", "f"))
        {
            bit = 0;
            return true;
        }
        if (IsAnyOf(s, "1", "true", "y", "yes", "t"))
        {
            bit = 1;
            return true;
        }
        if (DecimalText.TryParse(s, out var number))
        {
            bit = number == 0m ? 0 : 1;
            return true;
        }
        bit = 0;
        return false;
    }

    private static bool IsAnyOf(ReadOnlySpan<char> s, string a, string b, string c, string d, string e) =>
        s.Equals(a, StringComparison.OrdinalIgnoreCase) || s.Equals(b, StringComparison.OrdinalIgnoreCase)
        || s.Equals(c, StringComparison.OrdinalIgnoreCase) || s.Equals(d, StringComparison.OrdinalIgnoreCase)
        || s.Equals(e, StringComparison.OrdinalIgnoreCase);
}

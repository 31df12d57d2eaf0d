namespace XmlShred.Expressions.Semantics;

/// <summary>
/// SQL <c>LIKE</c> (EXPR-7): <c>%</c> any run, <c>_</c> one character, everything else literal; whole-string,
/// case-insensitive. Constant patterns are classified once so the common shapes (<c>'%BT%'</c>, <c>'TU%'</c>)
/// become a single vectorised search.
/// </summary>
internal sealed class LikePattern
{
    private enum Shape
    {
        Exact,
        Prefix,
        Suffix,
        Contains,
        General,
    }

    private readonly string _pattern;
    private readonly string _literal;
    private readonly Shape _shape;

    private LikePattern(string pattern)
    {
        _pattern = pattern;
        (_shape, _literal) = Classify(pattern);
    }

    public static LikePattern Compile(string pattern) => new(pattern);

    public bool IsMatch(ReadOnlySpan<char> text) => _shape switch
    {
        Shape.Exact => text.Equals(_literal, StringComparison.OrdinalIgnoreCase),
        Shape.Prefix => text.StartsWith(_literal, StringComparison.OrdinalIgnoreCase),
        Shape.Suffix => text.EndsWith(_literal, StringComparison.OrdinalIgnoreCase),
        Shape.Contains => text.Contains(_literal, StringComparison.OrdinalIgnoreCase),
        _ => IsMatch(text, _pattern),
    };

    /// <summary>Matches without compiling: for patterns that are only known at evaluation time.</summary>
    public static bool IsMatch(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        // Greedy scan that remembers the last '%' and retries from one character further on a mismatch.
        int p = 0, t = 0, starPattern = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '%')
            {
                starPattern = p++;
                starText = t;
            }
            else if (p < pattern.Length && (pattern[p] == '_' || SameLetter(pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (starPattern >= 0)
            {
                p = starPattern + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '%') p++;
        return p == pattern.Length;
    }

    private static bool SameLetter(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);

    private static (Shape Shape, string Literal) Classify(string pattern)
    {
        if (pattern.Contains('_', StringComparison.Ordinal)) return (Shape.General, pattern);
        var inner = pattern.AsSpan().Trim('%');
        if (inner.Contains('%')) return (Shape.General, pattern);

        var leading = pattern.StartsWith('%');
        var trailing = pattern.Length > 0 && pattern.EndsWith('%');
        var literal = inner.ToString();
        if (literal.Length == 0) return leading ? (Shape.Contains, literal) : (Shape.Exact, literal);
        return (leading, trailing) switch
        {
            (true, true) => (Shape.Contains, literal),
            (true, false) => (Shape.Suffix, literal),
            (false, true) => (Shape.Prefix, literal),
            _ => (Shape.Exact, literal),
        };
    }
}

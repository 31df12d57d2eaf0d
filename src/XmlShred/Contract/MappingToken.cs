namespace XmlShred.Contract;

/// <summary>One token of an entry's <c>mapping_type</c>: <c>enum</c>, or a function token like <c>add_score(AJ)</c>.</summary>
/// <param name="Name">The token name, e.g. <c>add_score</c>.</param>
/// <param name="Parameter">The trimmed parameter; <c>""</c> for <c>name()</c>; null when the token has no parentheses.</param>
public sealed record MappingToken(string Name, string? Parameter)
{
    public MappingTokenKind Kind { get; } = MappingTokenKinds.FromName(Name);

    public bool HasParentheses => Parameter is not null;

    public override string ToString() => Parameter is null ? Name : $"{Name}({Parameter})";

    /// <summary>Splits a token: <c>name(param)</c> when the trimmed text matches identifier, '(', text without ')', ')'.</summary>
    public static MappingToken Parse(string raw)
    {
        var text = raw.Trim();
        var open = text.IndexOf('(');
        if (open > 0 && text.EndsWith(')') && text.IndexOf(')') == text.Length - 1 && IsIdentifier(text.AsSpan(0, open)))
        {
            return new MappingToken(text[..open], text[(open + 1)..^1].Trim());
        }
        return new MappingToken(text, null);
    }

    private static bool IsIdentifier(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !(char.IsAsciiLetter(s[0]) || s[0] == '_')) return false;
        foreach (var c in s)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }
}

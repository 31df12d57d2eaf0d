namespace XmlShred.Expressions.Parsing;

/// <param name="Text">Names without their <c>@</c>; string literals unescaped.</param>
internal readonly record struct Token(TokenKind Kind, int Position, int Length, string? Text = null, decimal Number = 0m)
{
    /// <summary>A bare single-part name: the only form a date part, a CAST type or <c>EMPTY</c> can take.</summary>
    public bool IsSimpleName => Kind == TokenKind.Name && Text!.IndexOf('.', StringComparison.Ordinal) < 0;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe(string source) =>
        Kind == TokenKind.EndOfInput ? "end of input" : $"'{source.AsSpan(Position, Length)}'";
}

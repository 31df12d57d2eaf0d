namespace XmlShred.Expressions;

/// <summary>
/// An expression that cannot be compiled (EXPR-1, EXPR-2, load error CONTRACT-9). The message reads
/// "&lt;problem&gt; at position &lt;n&gt;" with a 0-based character position, e.g.
/// "expected END, found end of input at position 24".
/// </summary>
internal sealed class ExpressionParseException : Exception
{
    public ExpressionParseException()
        : this("invalid expression", 0)
    {
    }

    public ExpressionParseException(string message)
        : base(message)
    {
    }

    public ExpressionParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExpressionParseException(string problem, int position)
        : base($"{problem} at position {position}")
    {
        Position = position;
    }

    /// <summary>0-based character position of the offending token (the text length for "end of input").</summary>
    public int Position { get; }
}

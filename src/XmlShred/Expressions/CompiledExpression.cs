using XmlShred.Expressions.Nodes;
using XmlShred.Expressions.Parsing;

namespace XmlShred.Expressions;

/// <summary>
/// A calculated-field expression (EXPR-1 to EXPR-10), parsed once at contract load and evaluated per document.
/// Immutable: one instance may be evaluated from many threads at once.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Node _root;

    private CompiledExpression(string text, Node root)
    {
        Text = text;
        _root = root;
        FieldNames = ReferencedNames(text);
    }

    public string Text { get; }

    /// <summary>
    /// Every name the expression may read from its context. Callers may leave all other names out of the
    /// context: lookups (exact, then first case-insensitive match) give the same results.
    /// </summary>
    public IReadOnlyList<string> FieldNames { get; }

    private static string[] ReferencedNames(string text)
    {
        var tokens = Lexer.Tokenize(text);
        var names = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var isField = token.Kind == TokenKind.FieldName
                || (token.Kind == TokenKind.Name && (i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.LeftParen));
            if (isField && token.Text is not null && !names.Contains(token.Text)) names.Add(token.Text);
        }
        return [.. names];
    }

    /// <exception cref="ExpressionParseException">The text is not a valid expression (CONTRACT-9).</exception>
    public static CompiledExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CompiledExpression(text, Parser.Parse(text));
    }

    /// <summary>
    /// The value against <paramref name="context"/>; <paramref name="utcNow"/> is what GETUTCDATE()/GETDATE() return.
    /// A run-time error yields NULL (EXPR-8) and never throws. Boolean UNKNOWN is returned as NULL.
    /// </summary>
    public ExprValue Evaluate(ExpressionContext context, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var value = _root.Evaluate(new EvaluationScope(context, utcNow));
            return value.IsError ? ExprValue.Null : value;
        }
        catch (Exception ex) when (ex is ArithmeticException or ArgumentException)
        {
            // Safety net: every known run-time failure is already reported as an error value.
            return ExprValue.Null;
        }
    }

    public override string ToString() => Text;
}

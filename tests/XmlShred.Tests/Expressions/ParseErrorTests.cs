using XmlShred.Expressions;

namespace XmlShred.Tests.Expressions;

/// <summary>Load-time errors (EXPR-1, EXPR-2, CONTRACT-9) name the problem and its 0-based position.</summary>
public class ParseErrorTests
{
    [Theory]
    [InlineData("CASE WHEN a = 1 THEN 'x'", 24, "expected END, found end of input at position 24")] // CONTRACT-9
    [InlineData("a b", 2, "expected end of input, found 'b' at position 2")]
    [InlineData("x % 2", 2, "unexpected character '%' at position 2")]
    [InlineData("x = 'abc", 4, "unterminated string at position 4")]
    [InlineData("FOO(a)", 0, "unknown function 'FOO' at position 0")]
    [InlineData("1 + ISNULL(a)", 4, "ISNULL takes 2 arguments, found 1 at position 4")]
    [InlineData("COALESCE()", 0, "COALESCE takes at least 1 argument, found 0 at position 0")]
    [InlineData("ROUND(1)", 0, "ROUND takes 2 to 3 arguments, found 1 at position 0")]
    [InlineData("GETUTCDATE(1)", 0, "GETUTCDATE takes 0 arguments, found 1 at position 0")]
    [InlineData("DATEADD(fortnight, 1, d)", 8, "invalid date part 'fortnight' for DATEADD at position 8")]
    [InlineData("DATEDIFF(dayofyear, a, b)", 9, "invalid date part 'dayofyear' for DATEDIFF at position 9")]
    [InlineData("CAST(x AS money)", 10, "unsupported CAST type 'money' at position 10")]
    [InlineData("CAST(x AS varchar(1.5))", 18, "expected a whole number, found '1.5' at position 18")]
    [InlineData("CAST(x, int)", 6, "expected AS, found ',' at position 6")]
    [InlineData("COALESCE(a, b", 13, "expected ',' or ')', found end of input at position 13")]
    [InlineData("(1 + 2", 6, "expected ')', found end of input at position 6")]
    [InlineData("a = b = c", 6, "expected end of input, found '=' at position 6")] // one comparison per predicate
    [InlineData("x NOT = 1", 6, "expected LIKE, IN or BETWEEN, found '=' at position 6")]
    [InlineData("x IS 5", 5, "expected NULL or EMPTY, found '5' at position 5")]
    [InlineData("x BETWEEN 1 OR 2", 12, "expected AND, found 'OR' at position 12")]
    [InlineData("x IN 1", 5, "expected '(', found '1' at position 5")]
    [InlineData("CASE x END", 7, "expected WHEN, found 'END' at position 7")]
    [InlineData("CASE WHEN x 'a' END", 12, "expected THEN, found ''a'' at position 12")]
    [InlineData("", 0, "expected an expression, found end of input at position 0")]
    [InlineData("1 +", 3, "expected an expression, found end of input at position 3")]
    [InlineData("@ x", 0, "expected a name after '@' at position 0")]
    [InlineData("1e3", 1, "expected end of input, found 'e3' at position 1")] // no exponent in literals
    [InlineData("x = \"a\"", 4, "unexpected character '\"' at position 4")] // only single quotes delimit strings
    [InlineData("a.5", 1, "expected end of input, found '.5' at position 1")]
    public void Parse_ReportsProblemAndPosition(string text, int position, string message)
    {
        var error = Assert.Throws<ExpressionParseException>(() => CompiledExpression.Parse(text));
        Assert.Equal(position, error.Position);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("@end")] // '@' makes any name a field, even a keyword
    [InlineData("IL_application.app_entry_date")]
    [InlineData("_x1.y_2.z")]
    [InlineData("COALESCE (a, b)")]
    [InlineData("x IS NOT empty")]
    [InlineData("DATEADD('day' , 1, d)")]
    public void Parse_AcceptsLexicalForms(string text) => Assert.Equal(text, CompiledExpression.Parse(text).Text);
}

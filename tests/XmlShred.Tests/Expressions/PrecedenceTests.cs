namespace XmlShred.Tests.Expressions;

/// <summary>EXPR-2: unary &gt; * / &gt; + - &gt; predicates &gt; NOT &gt; AND &gt; OR; parentheses group.</summary>
public class PrecedenceTests
{
    [Theory]
    [InlineData("2 + 3 * 4", "14")]
    [InlineData("(2 + 3) * 4", "20")]
    [InlineData("2 * 3 + 4", "10")]
    [InlineData("20 / 4 / 5", "1")] // left associative
    [InlineData("20 - 4 + 5", "21")]
    [InlineData("-2 * -3", "6")]
    [InlineData("--2", "2")] // unary is right associative
    [InlineData("- -2 - 1", "1")]
    [InlineData("+ 2 * 3", "6")]
    [InlineData("2 + 3 = 5", "TRUE")] // arithmetic binds tighter than comparison
    [InlineData("1 + 1 BETWEEN 2 AND 1 + 2", "TRUE")]
    [InlineData("1 = 1 OR 1 = 0 AND 1 = 0", "TRUE")] // AND before OR
    [InlineData("(1 = 1 OR 1 = 0) AND 1 = 0", "FALSE")]
    [InlineData("NOT 1 = 0 AND 1 = 0", "FALSE")] // NOT before AND
    [InlineData("NOT (1 = 0 AND 1 = 0)", "TRUE")]
    [InlineData("NOT NOT 1 = 1", "TRUE")]
    [InlineData("5 BETWEEN 1 AND 10 AND 1 = 1", "TRUE")] // the first AND belongs to BETWEEN
    [InlineData("'a' + 'b' = 'AB'", "TRUE")]
    [InlineData("case when 1 = 1 then 'kw' end", "'kw'")] // keywords are case-insensitive
    public void Evaluate_FollowsPrecedenceTable(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Theory]
    [InlineData("5.", "5")]
    [InlineData(".5", "0.5")]
    [InlineData("0.10", "0.1")]
    [InlineData("1 / 3", "0.3333333333333333333333333333")] // exact decimal at System.Decimal's 28 digits
    public void NumberLiterals_AreExactDecimals(string text, string expected) => Assert.Equal(expected, Expr.Run(text));
}

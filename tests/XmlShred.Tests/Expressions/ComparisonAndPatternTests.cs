namespace XmlShred.Tests.Expressions;

/// <summary>EXPR-7 comparisons (DateTime, then Number, then case-insensitive text) and LIKE.</summary>
public class ComparisonAndPatternTests
{
    [Theory]
    [InlineData("'10' > '9'", "FALSE")] // two strings never compare numerically
    [InlineData("'abc ' = 'ABC'", "TRUE")] // trailing spaces ignored, case-insensitive
    [InlineData("'abc' < 'abd'", "TRUE")]
    [InlineData("'a' <> 'A'", "FALSE")]
    [InlineData("10 > 9", "TRUE")]
    [InlineData("'10' > 9", "TRUE")] // a number on one side makes it numeric
    [InlineData("' 10 ' = 10", "TRUE")]
    [InlineData("'1e1' = 10", "NULL")] // no exponent in the plain number grammar
    [InlineData("'1,000' = 1000", "NULL")]
    [InlineData("5 <= 5.00", "TRUE")]
    [InlineData("5 >= 6", "FALSE")]
    [InlineData("5 != 6", "TRUE")]
    [InlineData("NULL = NULL", "NULL")]
    public void Comparisons_PickTheRightDomain(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Fact]
    public void Comparisons_ParseStringsAgainstDateTimes()
    {
        var d = ("d", (object?)new DateTime(2024, 1, 15, 10, 0, 0));
        Assert.Equal("TRUE", Expr.Run("d = '1/15/2024 10:00 AM'", d));
        Assert.Equal("TRUE", Expr.Run("d > '2024-01-15'", d));
        Assert.Equal("NULL", Expr.Run("d > 'soon'", d));
        Assert.Equal("NULL", Expr.Run("d > 5", d)); // a number does not convert to a date
        Assert.Equal("TRUE", Expr.Run("DATE('2024-01-15 10:00') = '2024-01-15'"));
    }

    [Theory]
    [InlineData("abc", "a%", "TRUE")]
    [InlineData("abc", "%C", "TRUE")]
    [InlineData("abc", "%B%", "TRUE")]
    [InlineData("abc", "ABC", "TRUE")]
    [InlineData("abc", "ab", "FALSE")] // whole-string match
    [InlineData("abc", "%", "TRUE")]
    [InlineData("", "%", "TRUE")]
    [InlineData("abc", "", "FALSE")]
    [InlineData("abc", "___", "TRUE")]
    [InlineData("abc", "__", "FALSE")]
    [InlineData("abcde", "a%c%e", "TRUE")]
    [InlineData("abXcYe", "a%c%e", "TRUE")]
    [InlineData("abcce", "a%c_e", "TRUE")]
    [InlineData("acd", "a%c%e", "FALSE")]
    [InlineData("V4_X", "V4_%", "TRUE")]
    [InlineData("V4", "V4_%", "FALSE")]
    [InlineData("a+b", "a+b", "TRUE")] // other characters are literal
    [InlineData("a.b", "a[.]b", "FALSE")] // no character classes
    public void Like_MatchesConstantAndFieldPatterns(string text, string pattern, string expected)
    {
        var escaped = pattern.Replace("'", "''", StringComparison.Ordinal);
        Assert.Equal(expected, Expr.Run($"'{text}' LIKE '{escaped}'"));
        Assert.Equal(expected, Expr.Run("x LIKE p", ("x", "#" + text), ("p", "#" + pattern))); // pattern known only at run time
    }

    [Theory]
    [InlineData("1234 LIKE '12%'", "TRUE")] // numbers match as their canonical text
    [InlineData("12.50 LIKE '12.5'", "TRUE")]
    [InlineData("x LIKE '%'", "NULL")]
    [InlineData("'a' LIKE x", "NULL")]
    [InlineData("'abc' NOT LIKE 'a%'", "FALSE")]
    public void Like_TextConversionAndNulls(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Theory]
    [InlineData("b", "'beta'")]
    [InlineData("B  ", "'beta'")]
    [InlineData("2", "'two'")]
    [InlineData("2.0", "'two'")]
    [InlineData("z", "'other'")]
    public void SimpleCase_ComparesLikeEquals(string x, string expected) =>
        Assert.Equal(expected, Expr.Run("CASE x WHEN 'a' THEN 'alpha' WHEN 'B' THEN 'beta' WHEN 2 THEN 'two' ELSE 'other' END", ("x", x)));
}

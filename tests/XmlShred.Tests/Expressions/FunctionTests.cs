namespace XmlShred.Tests.Expressions;

/// <summary>EXPR-9 functions other than the date functions.</summary>
public class FunctionTests
{
    [Theory]
    [InlineData("COALESCE(NULL, NULL, 3)", "3")]
    [InlineData("COALESCE(x)", "NULL")]
    [InlineData("ISNULL(NULL, 'b')", "'b'")]
    [InlineData("ISNULL('a', 'b')", "'a'")]
    [InlineData("NULLIF(5, '5.0')", "NULL")] // numeric comparison
    [InlineData("NULLIF('a ', 'A')", "NULL")] // text comparison: CI, trailing spaces ignored
    [InlineData("NULLIF(5, 6)", "5")]
    [InlineData("NULLIF(NULL, 6)", "NULL")]
    [InlineData("NULLIF(5, NULL)", "5")]
    public void NullFunctions(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Theory]
    [InlineData("LEN('')", "0")]
    [InlineData("LEN('  a')", "3")] // leading spaces count
    [InlineData("LEN(12.50)", "4")] // text of a number is canonical
    [InlineData("LEN(NULL)", "NULL")]
    [InlineData("LEN('😀x')", "2")] // code points, as VALUE-7 counts
    [InlineData("UPPER('crème')", "'CRÈME'")]
    [InlineData("LOWER('ABC')", "'abc'")]
    [InlineData("UPPER(NULL)", "NULL")]
    [InlineData("TRIM('\t a \t')", "'a'")]
    [InlineData("LTRIM(5)", "'5'")]
    [InlineData("SUBSTRING('abcdef', 2, 3)", "'bcd'")]
    [InlineData("SUBSTRING('abcdef', -1, 4)", "'ab'")] // positions -1..2, of which 1..2 exist
    [InlineData("SUBSTRING('abcdef', 0, 1)", "''")]
    [InlineData("SUBSTRING('abc', 5, 2)", "''")]
    [InlineData("SUBSTRING('abc', 2, 100)", "'bc'")]
    [InlineData("SUBSTRING('abc', 2.9, 1.9)", "'b'")] // whole numbers, truncated
    [InlineData("SUBSTRING('abc', 2, -1)", "NULL")] // negative length → run-time error
    [InlineData("SUBSTRING('a😀b', 2, 1)", "'😀'")]
    [InlineData("SUBSTRING(NULL, 1, 1)", "NULL")]
    public void TextFunctions(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Theory]
    [InlineData("ABS(-2)", "2")]
    [InlineData("ABS('-2.50')", "2.5")]
    [InlineData("ABS('x')", "NULL")]
    [InlineData("ROUND(2.5, 0)", "3")]
    [InlineData("ROUND(-2.45, 1)", "-2.5")]
    [InlineData("ROUND(2.567, 2, 1)", "2.56")] // non-zero third argument truncates
    [InlineData("ROUND(-2.567, 1, 1)", "-2.5")]
    [InlineData("ROUND(1299, -2, 1)", "1200")]
    [InlineData("ROUND(1250, -2)", "1300")]
    [InlineData("ROUND(2.567, 2, 0)", "2.57")]
    [InlineData("ROUND(2.5, NULL)", "NULL")]
    [InlineData("ROUND(1, 40)", "1")]
    [InlineData("ROUND(123, -40)", "0")]
    [InlineData("ROUND(123, -2147483648)", "0")]
    public void NumberFunctions(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Theory]
    [InlineData("CAST('-12.9' AS int)", "-12")] // truncates toward zero
    [InlineData("CAST(12.9 AS bigint)", "12")]
    [InlineData("CAST('1,000' AS int)", "NULL")]
    [InlineData("CAST(12.5 AS decimal)", "13")] // scale defaults to 0
    [InlineData("CAST('0.125' AS numeric(5, 2))", "0.13")]
    [InlineData("CAST('1e3' AS float)", "1000")]
    [InlineData("CAST('abcdefghijklmnopqrstuvwxyz0123456789' AS varchar)", "'abcdefghijklmnopqrstuvwxyz0123'")] // default 30
    [InlineData("CAST('abc' AS char(2))", "'ab'")]
    [InlineData("CAST('abc' AS nvarchar(0))", "''")]
    [InlineData("CAST(1 = 1 AS varchar(5))", "'1'")]
    [InlineData("CAST('no' AS bit)", "0")]
    [InlineData("CAST('TRUE' AS bit)", "1")]
    [InlineData("CAST(-3 AS bit)", "1")]
    [InlineData("CAST('0.0' AS bit)", "0")]
    [InlineData("CAST('maybe' AS bit)", "NULL")]
    [InlineData("CAST('2024-01-15 10:30' AS datetime2)", "2024-01-15T10:30:00")]
    [InlineData("CAST('2024-01-15 10:30' AS DATE)", "2024-01-15T00:00:00")]
    [InlineData("CAST('soon' AS date)", "NULL")]
    [InlineData("CAST(NULL AS int)", "NULL")]
    public void Cast_ToEveryType(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Fact]
    public void Cast_DateTimeToText_UsesTheGenericStringForm() =>
        Assert.Equal("'2024-01-15 10:30:00'", Expr.Run("CAST(d AS varchar)", ("d", new DateTime(2024, 1, 15, 10, 30, 0))));

    [Fact]
    public void NowFunctions_ReturnTheGivenUtcNow()
    {
        Assert.Equal(Expr.Now, Expr.Eval("GETUTCDATE()").AsDateTime);
        Assert.Equal(Expr.Now, Expr.Eval("getdate()").AsDateTime);
    }

    // A function name not followed by '(' is an ordinary field.
    [Fact]
    public void FunctionNames_WithoutParentheses_AreFields() =>
        Assert.Equal("'2024'", Expr.Run("year + ''", ("year", "2024")));
}

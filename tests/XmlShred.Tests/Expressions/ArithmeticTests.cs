namespace XmlShred.Tests.Expressions;

/// <summary>EXPR-6 arithmetic: exact decimals, string concatenation, NULL propagation, errors as NULL.</summary>
public class ArithmeticTests
{
    [Theory]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("1.10 * 3", "3.3")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("-7 / 2", "-3.5")]
    [InlineData("'a' + 'b'", "'ab'")]
    [InlineData("'a' + ''", "'a'")]
    [InlineData("'5' + '5'", "'55'")] // two strings concatenate even when numeric
    [InlineData("'5' + 5", "10")]
    [InlineData("'5' * '5'", "25")] // other operators convert strings to numbers
    [InlineData("'a' + 1", "NULL")] // non-numeric → run-time error → NULL
    [InlineData("'a' - 'b'", "NULL")]
    [InlineData("NULL + 1", "NULL")]
    [InlineData("NULL + 'a'", "NULL")]
    [InlineData("1 / 0", "NULL")]
    [InlineData("1 / 0.00", "NULL")]
    [InlineData("-x", "NULL")]
    [InlineData("-'abc'", "NULL")]
    [InlineData("79228162514264337593543950335 + 1", "NULL")] // overflow is a run-time error
    public void Arithmetic_Results(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Fact]
    public void Arithmetic_WithDateTimeOperand_IsARunTimeError() =>
        Assert.Equal("NULL", Expr.Run("d + 1", ("d", new DateTime(2024, 1, 1))));

    [Fact]
    public void DivisionByZero_IsNullNotAnError() => Assert.Equal("5", Expr.Run("COALESCE(1 / 0, 5)"));

    [Fact]
    public void RunTimeError_MakesTheWholeValueNull() => Assert.Equal("NULL", Expr.Run("COALESCE(CAST('x' AS int), 5)"));
}

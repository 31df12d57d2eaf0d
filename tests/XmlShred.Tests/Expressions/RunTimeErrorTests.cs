namespace XmlShred.Tests.Expressions;

/// <summary>EXPR-8: run-time errors make the value NULL; Evaluate never throws, whatever the data.</summary>
public class RunTimeErrorTests
{
    private const string Huge = "79228162514264337593543950335";

    [Theory]
    [InlineData("x * x")]
    [InlineData("x + 1")]
    [InlineData("-x - x")]
    [InlineData("ROUND(x, -1)")]
    [InlineData("DATEADD(year, 2147483647, '2024-01-01')")]
    [InlineData("DATEADD(week, 2147483647, '2024-01-01')")]
    [InlineData("DATEADD(quarter, 2147483647, '2024-01-01')")]
    [InlineData("DATEADD(second, 2147483647, '9999-12-31')")]
    [InlineData("DATEADD(day, x, '2024-01-01')")] // n beyond int
    [InlineData("SUBSTRING('abc', x, 1)")]
    [InlineData("YEAR(x)")]
    [InlineData("CASE WHEN 'abc' THEN 1 END")]
    [InlineData("CASE WHEN DATE('2024-01-01') THEN 1 END")]
    public void Evaluate_HostileInput_IsNull(string text) => Assert.Equal("NULL", Expr.Run(text, ("x", Huge)));

    [Theory]
    [InlineData("DATEDIFF(second, '0001-01-01', '9999-12-31 23:59:59')", "315537897599")]
    [InlineData("SUBSTRING('abc', 2147483647, 2147483647)", "''")]
    [InlineData("CAST('1.5' AS decimal(38, 30))", "1.5")]
    public void Evaluate_ExtremeButValidInput_HasAValue(string text, string expected) => Assert.Equal(expected, Expr.Run(text));
}

using XmlShred.Values;

namespace XmlShred.Tests.Values;

/// <summary>The plain number grammar strings must match to act as numbers in expressions (EXPR-5).</summary>
public class PlainNumberTests
{
    [Theory]
    [InlineData("5", "5")]
    [InlineData("-5.00", "-5.00")] // the scale is kept
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("+7", "7")]
    [InlineData(" 42 ", "42")]
    [InlineData("12345678901234567890.5", "12345678901234567890.5")] // past the fast path
    public void TryParse_Accepts(string text, string expected)
    {
        Assert.True(PlainNumber.TryParse(text, out var value));
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1,234")] // grouping belongs to integer columns only
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("5 5")]
    public void TryParse_Rejects(string text) => Assert.False(PlainNumber.TryParse(text, out _));

    [Fact]
    public void TheScanner_AllowsACommaBetweenDigitsOnlyWhenAskedTo()
    {
        Assert.False(PlainNumber.TryScan("1,234.5", allowGrouping: false, out _));
        Assert.True(PlainNumber.TryScan("-1,234.5", allowGrouping: true, out var parts));
        Assert.Equal((true, "1,234", 4, "5"), (parts.Negative, parts.Integer.ToString(), parts.IntegerDigits, parts.Fraction.ToString()));
    }
}

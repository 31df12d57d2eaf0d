using XmlShred.Values;

namespace XmlShred.Tests.Values;

public class DecimalTextTests
{
    // VALUE-4 example table: parse, then round to the scale.
    [Theory]
    [InlineData("2.675", 2, "2.68")]
    [InlineData("-1.005", 2, "-1.01")]
    [InlineData("0.1432197654", 5, "0.14322")]
    [InlineData("1e3", 2, "1000.00")]
    public void ParseThenRescale_SpecExamples(string text, int scale, string expected)
    {
        Assert.True(DecimalText.TryParse(text, out var value));
        Assert.Equal(expected, DecimalText.ToPlain(DecimalText.Rescale(value, scale)));
    }

    // VALUE-4: grouping, currency, percent, words → not a decimal.
    [Theory]
    [InlineData("1,234.5")]
    [InlineData("N/A")]
    [InlineData("$5")]
    [InlineData("5%")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData("1.2.3")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1__0")]
    [InlineData("1_.5")]
    [InlineData("0x10")]
    [InlineData("1 000")]
    [InlineData("- 5")]
    public void TryParse_OutsideTheGrammar_ReturnsFalse(string text) => Assert.False(DecimalText.TryParse(text, out _));

    [Theory]
    [InlineData(" 12.50 ", "12.50")] // trimmed; the scale is kept
    [InlineData("+7", "7")]
    [InlineData("-0.5", "-0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("5.", "5")]
    [InlineData("1_000", "1000")] // underscore between two digits
    [InlineData("1_000.000_1", "1000.0001")]
    [InlineData("1.5E+2", "150")]
    [InlineData("25e-1", "2.5")]
    public void TryParse_AcceptedForms(string text, string expectedPlain)
    {
        Assert.True(DecimalText.TryParse(text, out var value));
        Assert.Equal(expectedPlain, DecimalText.ToPlain(value));
    }

    [Theory]
    [InlineData("10", 2, "10.00")] // the scale is carried, not just the value
    [InlineData("2.5", 0, "3")] // half away from zero
    [InlineData("-2.5", 0, "-3")]
    [InlineData("1.2345", 2, "1.23")]
    [InlineData("0", 3, "0.000")]
    [InlineData("1250", -2, "1300")]
    public void Rescale_RoundsHalfAwayAndCarriesTheScale(string text, int scale, string expected)
    {
        Assert.True(DecimalText.TryParse(text, out var value));
        Assert.Equal(expected, DecimalText.ToPlain(DecimalText.Rescale(value, scale)));
    }

    [Fact]
    public void Rescale_ResultCarriesExactlyTheScale()
    {
        Assert.Equal(2, DecimalText.Rescale(10m, 2).Scale);
        Assert.Equal(2, DecimalText.Rescale(1.5m, 2).Scale);
        Assert.Equal(2, DecimalText.Rescale(1.23456m, 2).Scale);
    }

    [Theory]
    [InlineData("12.50", "12.5")]
    [InlineData("5.0", "5")]
    [InlineData("5", "5")]
    [InlineData("-0", "0")]
    [InlineData("-0.00", "0")]
    [InlineData("100", "100")] // integer zeros stay
    [InlineData("0.14322", "0.14322")]
    [InlineData("-3.500", "-3.5")]
    public void ToCanonicalNumber_DropsTrailingFractionZeros(string text, string expected)
    {
        Assert.True(DecimalText.TryParse(text, out var value));
        Assert.Equal(expected, DecimalText.ToCanonicalNumber(value));
    }

    [Fact]
    public void ToPlain_NeverUsesAnExponentAndKeepsTrailingZeros()
    {
        Assert.True(DecimalText.TryParse("1e-7", out var small));
        Assert.Equal("0.0000001", DecimalText.ToPlain(small));
        Assert.Equal("10.00", DecimalText.ToPlain(10.00m));
        Assert.Equal("0", DecimalText.ToPlain(decimal.Negate(0m)));
    }
}

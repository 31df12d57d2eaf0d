using XmlShred.Values;

namespace XmlShred.Tests.Values;

public class IntegerTextTests
{
    // CHAIN-1, VALUE-2 examples: the plain integer grammar of integer columns.
    [Theory]
    [InlineData("-5", -5L)]
    [InlineData("1,234", 1234L)]
    [InlineData("36.50", 37L)]
    [InlineData("2.5", 3L)]
    [InlineData("-2.5", -3L)]
    [InlineData("1,2345", 12345L)] // grouping is not checked
    [InlineData("+7", 7L)]
    [InlineData("5.", 5L)]
    [InlineData(".5", 1L)]
    [InlineData("2.4999", 2L)]
    [InlineData(" 42 ", 42L)]
    [InlineData("-0", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void TryParsePlain_Accepts(string text, long expected)
    {
        Assert.True(IntegerText.TryParsePlain(text, out var value));
        Assert.Equal(expected, value);
    }

    // CHAIN-1, VALUE-2, VALUE-3: no exponent, no currency, no trailing junk, commas only between digits.
    [Theory]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("$5")]
    [InlineData("12abc")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData(",1")]
    [InlineData("1,")]
    [InlineData("1,,2")]
    [InlineData("1.2,3")]
    [InlineData("1_000")]
    [InlineData("9223372036854775808")]
    [InlineData("99999999999999999999999")]
    public void TryParsePlain_Rejects(string text) => Assert.False(IntegerText.TryParsePlain(text, out _));

    // VALUE-3 generic integer conversion examples.
    [Theory]
    [InlineData("1e3", 1000L)]
    [InlineData("+7", 7L)]
    [InlineData("2.5", 3L)]
    [InlineData("-2.5", -3L)]
    [InlineData("978.14", 978L)]
    [InlineData("1,234", 1234L)] // every comma removed
    [InlineData(",1,2,", 12L)]
    [InlineData(" 15 ", 15L)]
    [InlineData("1_000", 1000L)]
    public void TryParseGeneric_Accepts(string text, long expected)
    {
        Assert.True(IntegerText.TryParseGeneric(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("$5")]
    [InlineData("0x10")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1e30")]
    public void TryParseGeneric_Rejects(string text) => Assert.False(IntegerText.TryParseGeneric(text, out _));
}

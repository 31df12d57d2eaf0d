using XmlShred.Values;

namespace XmlShred.Tests.Values;

public class BitTextTests
{
    // VALUE-6, DEFAULT-1: words, "" and numbers.
    [Theory]
    [InlineData("1", 1)]
    [InlineData("true", 1)]
    [InlineData("TRUE", 1)]
    [InlineData("y", 1)]
    [InlineData("Yes", 1)]
    [InlineData("t", 1)]
    [InlineData("0", 0)]
    [InlineData("false", 0)]
    [InlineData("n", 0)]
    [InlineData("NO", 0)]
    [InlineData("f", 0)]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData(" y ", 1)]
    [InlineData("2", 1)]
    [InlineData("-1", 1)]
    [InlineData("0.0", 0)]
    [InlineData("0.5", 1)]
    public void TryParse_KnownForms(string text, int expected)
    {
        Assert.True(BitText.TryParse(text, out var bit));
        Assert.Equal(expected, bit);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("yess")]
    [InlineData("R")]
    [InlineData("$1")]
    public void TryParse_Other_ReturnsFalse(string text) => Assert.False(BitText.TryParse(text, out _));
}

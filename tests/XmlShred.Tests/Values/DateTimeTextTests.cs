using XmlShred.Values;

namespace XmlShred.Tests.Values;

public class DateTimeTextTests
{
    // VALUE-5 example table, results in canonical form.
    [Theory]
    [InlineData("2015-11-5 9:2:34.689", "2015-11-05T09:02:34.689000")]
    [InlineData("2024-8-8 8:08:88.008", "2024-08-08T08:08:59.008000")]
    [InlineData("4/2/2020 5:53:20 pm", "2020-04-02T17:53:20")]
    [InlineData("4/2/2020 5:53 PM", "2020-04-02T17:53:00")]
    [InlineData("2023-10-03T16:26:23Z", "2023-10-03T16:26:23")]
    [InlineData("2023-10-03 16:26:23+05:00", "2023-10-03T16:26:23")]
    [InlineData("2023-10-03T16:26:23-0500", "2023-10-03T16:26:23")]
    [InlineData("2023-10-03 16:26:23.1234567", "2023-10-03T16:26:23.123456")]
    [InlineData("2023-10-03 16:26", "2023-10-03T16:26:00")]
    [InlineData(" 2023-10-03 ", "2023-10-03T00:00:00")]
    public void TryParse_SpecExamples_ParseToWallClockTime(string text, string expected)
    {
        Assert.True(DateTimeText.TryParse(text, out var value));
        Assert.Equal(expected, DateTimeText.ToCanonical(value));
    }

    // VALUE-5: day-first, two-digit years, compact, slashed ISO, named months, bad months, week dates, 13 PM.
    [Theory]
    [InlineData("14/12/1988")]
    [InlineData("12/31/99")]
    [InlineData("20231003")]
    [InlineData("2023/10/03")]
    [InlineData("Oct 3 2023")]
    [InlineData("2023-13-01")]
    [InlineData("2023-W40-2")]
    [InlineData("1/2/2020 13:00 PM")]
    public void TryParse_SpecRejections_ReturnFalse(string text) => Assert.False(DateTimeText.TryParse(text, out _));

    [Theory]
    [InlineData("12/1/2020 12:00 AM", "2020-12-01T00:00:00")] // 12 AM is midnight
    [InlineData("12/1/2020 12:30 pm", "2020-12-01T12:30:00")] // 12 PM stays noon
    [InlineData("1/2/2020 1:05:09 Am", "2020-01-02T01:05:09")] // AM/PM case-insensitive
    [InlineData("2024-02-29", "2024-02-29T00:00:00")]
    [InlineData("2024-01-01+05:30", "2024-01-01T00:00:00")] // offset directly after the date
    [InlineData("2024-01-01 10:00:00 PM", "2024-01-01T22:00:00")]
    [InlineData("2024-01-01 10:00 PM+01:00", "2024-01-01T22:00:00")]
    [InlineData("2024-01-01\t\t10:00", "2024-01-01T10:00:00")] // any white space separates
    [InlineData("2024-01-01 10:00:59.5", "2024-01-01T10:00:59.500000")]
    [InlineData("2024-01-01 10:00:60", "2024-01-01T10:00:59")] // seconds 60–99 clamp
    [InlineData("2024-01-01 10:00:99", "2024-01-01T10:00:59")]
    public void TryParse_GrammarVariants_Parse(string text, string expected)
    {
        Assert.True(DateTimeText.TryParse(text, out var value));
        Assert.Equal(expected, DateTimeText.ToCanonical(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2023-02-29")] // not a leap year
    [InlineData("0000-01-01")]
    [InlineData("2023-10-03 24:00")] // hours > 23
    [InlineData("2023-10-03 10:60")] // minutes > 59
    [InlineData("2023-10-03 0:30 AM")] // AM/PM needs 1 <= H <= 12
    [InlineData("2023-10-03 10")] // a time needs minutes
    [InlineData("2023-10-03 10:00:00.")] // a fraction needs digits
    [InlineData("2023-10-03 10:00PM")] // AM/PM must follow white space
    [InlineData("2023-10-03 PM")] // AM/PM only after a time
    [InlineData("2023-10-03 10:00 +05:00")] // the offset follows directly, no space
    [InlineData("2023-10-03T10:00+24:00")] // offset hours > 23
    [InlineData("2023-10-03T10:00+05:60")] // offset minutes > 59
    [InlineData("2023-10-03T10:00+5:00")] // offset hours are two digits
    [InlineData("2023-10-03t10:00")] // the separator is an upper-case T
    [InlineData("2023-10-03T10:00z")]
    [InlineData("123-10-03")]
    [InlineData("12345-10-03")]
    [InlineData("2023-100-03")]
    [InlineData("1/2/20201")]
    [InlineData("2023-10-03 10:00:00 xyz")]
    public void TryParse_OutsideTheGrammar_ReturnsFalse(string text) => Assert.False(DateTimeText.TryParse(text, out _));

    [Fact]
    public void TryParse_Result_IsNaive()
    {
        Assert.True(DateTimeText.TryParse("2023-10-03T16:26:23Z", out var value));
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
    }

    // OUTPUT-7: microseconds only when non-zero; sub-microsecond ticks are not printed.
    [Fact]
    public void ToCanonical_PrintsMicrosecondsOnlyWhenPresent()
    {
        Assert.Equal("2015-11-05T09:02:34", DateTimeText.ToCanonical(new DateTime(2015, 11, 5, 9, 2, 34)));
        Assert.Equal("2015-11-05T09:02:34.783000", DateTimeText.ToCanonical(new DateTime(2015, 11, 5, 9, 2, 34, 783)));
        Assert.Equal("0001-01-01T00:00:00.000001", DateTimeText.ToCanonical(new DateTime(10)));
    }
}

namespace XmlShred.Tests.Expressions;

/// <summary>EXPR-9 DATEADD / DATEDIFF / DATE / YEAR / MONTH / DAY, SQL Server semantics.</summary>
public class DateFunctionTests
{
    [Theory]
    [InlineData("DATEADD(month, 1, '2024-01-31 13:45:10')", "2024-02-29T13:45:10")] // clamps, keeps the time
    [InlineData("DATEADD(m, 1, '2023-01-31')", "2023-02-28T00:00:00")]
    [InlineData("DATEADD(month, -1, '2024-03-31')", "2024-02-29T00:00:00")]
    [InlineData("DATEADD(quarter, 1, '2023-11-30')", "2024-02-29T00:00:00")]
    [InlineData("DATEADD(qq, -4, '2024-02-29')", "2023-02-28T00:00:00")]
    [InlineData("DATEADD(yyyy, 1, '2024-02-29 08:00')", "2025-02-28T08:00:00")]
    [InlineData("DATEADD(wk, 2, '2024-01-01 06:30')", "2024-01-15T06:30:00")]
    [InlineData("DATEADD(dd, -1.9, '2024-01-01')", "2023-12-31T00:00:00")] // truncated toward zero
    [InlineData("DATEADD(minute, -90, '2024-01-01 00:30')", "2023-12-31T23:00:00")]
    [InlineData("DATEADD(mi, 1, '2024-01-01 00:30')", "2024-01-01T00:31:00")]
    [InlineData("DATEADD(n, 1, '2024-01-01 00:30')", "2024-01-01T00:31:00")]
    [InlineData("DATEADD(ss, 30, '2024-01-01 23:59:45.25')", "2024-01-02T00:00:15.250000")]
    [InlineData("DATEADD('D', 1, '12/31/2024')", "2025-01-01T00:00:00")] // quoted, case-insensitive part
    [InlineData("DATEADD(day, '2', '2024-01-01')", "2024-01-03T00:00:00")]
    [InlineData("DATEADD(year, 1, '9999-06-01')", "NULL")] // out of range → run-time error
    [InlineData("DATEADD(day, 'abc', '2024-01-01')", "NULL")]
    [InlineData("DATEADD(day, 1, 'garbage')", "NULL")]
    [InlineData("DATEADD(day, NULL, '2024-01-01')", "NULL")]
    public void DateAdd(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Theory]
    [InlineData("DATEDIFF(year, '2024-12-31 23:59', '2024-01-01')", "0")]
    [InlineData("DATEDIFF(yy, '2024-01-01', '2023-12-31')", "-1")]
    [InlineData("DATEDIFF(quarter, '2024-01-01', '2024-03-31')", "0")]
    [InlineData("DATEDIFF(q, '2023-12-31', '2024-01-01')", "1")]
    [InlineData("DATEDIFF(month, '2024-01-01', '2024-01-31 23:59')", "0")]
    [InlineData("DATEDIFF(mm, '2023-11-15', '2024-02-01')", "3")]
    [InlineData("DATEDIFF(week, '2024-01-07', '2024-01-13')", "0")] // Sunday to Saturday: same week
    [InlineData("DATEDIFF(ww, '2024-01-06', '2024-01-14')", "2")] // crosses Jan 7 and Jan 14
    [InlineData("DATEDIFF(week, '2024-01-07', '2024-01-06')", "-1")]
    [InlineData("DATEDIFF(week, '2024-01-08', '2024-01-08')", "0")]
    [InlineData("DATEDIFF(d, '2024-02-28', '2024-03-01')", "2")] // leap day
    [InlineData("DATEDIFF(hour, '2024-01-01 10:59', '2024-01-01 11:00')", "1")]
    [InlineData("DATEDIFF(hh, '2024-01-01 10:00', '2024-01-01 10:59:59')", "0")]
    [InlineData("DATEDIFF(minute, '2024-01-01 10:00:00', '2024-01-01 10:00:59')", "0")]
    [InlineData("DATEDIFF(second, '2024-01-01 10:00:00.9', '2024-01-01 10:00:01.1')", "1")]
    [InlineData("DATEDIFF(s, '2024-01-01', '2024-01-02')", "86400")]
    [InlineData("DATEDIFF(day, NULL, '2024-01-02')", "NULL")]
    [InlineData("DATEDIFF(day, 'x', '2024-01-02')", "NULL")]
    public void DateDiff_CountsBoundaries(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Theory]
    [InlineData("DATE('2024-01-15 10:30:00')", "2024-01-15T00:00:00")]
    [InlineData("YEAR('2024-01-15')", "2024")]
    [InlineData("MONTH('1/15/2024')", "1")]
    [InlineData("DAY('2024-01-15T23:59')", "15")]
    [InlineData("DAY('15/01/2024')", "NULL")] // day-first is not a date
    [InlineData("YEAR(NULL)", "NULL")]
    public void DateFields(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Fact]
    public void DateAdd_OnAFieldDateTime_KeepsTimeOfDay()
    {
        var entry = ("entry", (object?)new DateTime(2024, 3, 1, 9, 15, 0));
        Assert.Equal("2024-03-31T09:15:00", Expr.Run("DATEADD(day, days, entry)", entry, ("days", "30")));
    }
}

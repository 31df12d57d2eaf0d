namespace XmlShred.Expressions.Semantics;

/// <summary>DATEADD and DATEDIFF with SQL Server semantics (EXPR-9).</summary>
internal static class DateArithmetic
{
    /// <summary>
    /// Adds whole units. Year/quarter/month clamp the day to the month's end (Jan 31 + 1 month = Feb 29 in 2024);
    /// the time of day is kept. False when the result leaves the DateTime range.
    /// </summary>
    public static bool TryAdd(DatePart part, int amount, DateTime start, out DateTime result)
    {
        result = default;
        try
        {
            result = part switch
            {
                DatePart.Year => start.AddYears(amount),
                DatePart.Quarter => start.AddMonths(checked(amount * 3)),
                DatePart.Month => start.AddMonths(amount),
                DatePart.Week => start.AddDays(amount * 7.0),
                DatePart.Day => start.AddDays(amount),
                DatePart.Hour => start.AddHours(amount),
                DatePart.Minute => start.AddMinutes(amount),
                _ => start.AddSeconds(amount),
            };
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// The number of unit boundaries crossed going from <paramref name="start"/> to <paramref name="end"/>:
    /// calendar fields for year/quarter/month/day, Sundays for weeks, unit starts for hour/minute/second.
    /// </summary>
    public static long Difference(DatePart part, DateTime start, DateTime end) => part switch
    {
        DatePart.Year => end.Year - start.Year,
        DatePart.Quarter => QuarterIndex(end) - QuarterIndex(start),
        DatePart.Month => MonthIndex(end) - MonthIndex(start),
        DatePart.Week => WeekIndex(end) - WeekIndex(start),
        DatePart.Day => DayIndex(end) - DayIndex(start),
        DatePart.Hour => end.Ticks / TimeSpan.TicksPerHour - start.Ticks / TimeSpan.TicksPerHour,
        DatePart.Minute => end.Ticks / TimeSpan.TicksPerMinute - start.Ticks / TimeSpan.TicksPerMinute,
        _ => end.Ticks / TimeSpan.TicksPerSecond - start.Ticks / TimeSpan.TicksPerSecond,
    };

    private static long MonthIndex(DateTime d) => d.Year * 12L + d.Month - 1;

    private static long QuarterIndex(DateTime d) => d.Year * 4L + (d.Month - 1) / 3;

    private static long DayIndex(DateTime d) => d.Ticks / TimeSpan.TicksPerDay;

    // Day 0 (0001-01-01) is a Monday, so day 6 is the first Sunday; each Sunday starts a new week.
    private static long WeekIndex(DateTime d) => (DayIndex(d) + 1) / 7;
}

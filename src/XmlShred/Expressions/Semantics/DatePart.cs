namespace XmlShred.Expressions.Semantics;

/// <summary>The DATEADD/DATEDIFF units of EXPR-2 and their accepted spellings.</summary>
internal enum DatePart
{
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

internal static class DatePartNames
{
    private static readonly Dictionary<string, DatePart> Parts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = DatePart.Year,
        ["yy"] = DatePart.Year,
        ["yyyy"] = DatePart.Year,
        ["quarter"] = DatePart.Quarter,
        ["qq"] = DatePart.Quarter,
        ["q"] = DatePart.Quarter,
        ["month"] = DatePart.Month,
        ["mm"] = DatePart.Month,
        ["m"] = DatePart.Month,
        ["week"] = DatePart.Week,
        ["wk"] = DatePart.Week,
        ["ww"] = DatePart.Week,
        ["day"] = DatePart.Day,
        ["dd"] = DatePart.Day,
        ["d"] = DatePart.Day,
        ["hour"] = DatePart.Hour,
        ["hh"] = DatePart.Hour,
        ["minute"] = DatePart.Minute,
        ["mi"] = DatePart.Minute,
        ["n"] = DatePart.Minute,
        ["second"] = DatePart.Second,
        ["ss"] = DatePart.Second,
        ["s"] = DatePart.Second,
    };

    public static bool TryParse(string name, out DatePart part) => Parts.TryGetValue(name, out part);
}

using XmlShred.Values;

namespace XmlShred.Expressions.Semantics;

/// <summary>
/// Implicit conversions between value kinds (EXPR-5, EXPR-6). A Boolean used as a value counts as the number 1/0,
/// the same way a bare predicate becomes 1/0 as a column value (TOKEN-1).
/// </summary>
internal static class Coercion
{
    public static bool TryToNumber(in ExprValue value, out decimal number)
    {
        switch (value.Kind)
        {
            case ExprKind.Number:
                number = value.AsNumber;
                return true;
            case ExprKind.String:
                return PlainNumber.TryParse(value.AsString, out number);
            case ExprKind.Boolean:
                number = value.AsBoolean ? 1m : 0m;
                return true;
            default:
                number = 0m;
                return false;
        }
    }

    /// <summary>DateTime stays; a string is parsed with VALUE-5; anything else does not convert.</summary>
    public static bool TryToDateTime(in ExprValue value, out DateTime dateTime)
    {
        switch (value.Kind)
        {
            case ExprKind.DateTime:
                dateTime = value.AsDateTime;
                return true;
            case ExprKind.String:
                return DateTimeText.TryParse(value.AsString, out dateTime);
            default:
                dateTime = default;
                return false;
        }
    }

    /// <summary>
    /// A numeric argument that must be whole (DATEADD's n, SUBSTRING's positions, ROUND's length): truncated toward zero.
    /// </summary>
    public static bool TryToInt32(in ExprValue value, out int result)
    {
        result = 0;
        if (!TryToNumber(value, out var number)) return false;
        var truncated = decimal.Truncate(number);
        if (truncated < int.MinValue || truncated > int.MaxValue) return false;
        result = (int)truncated;
        return true;
    }

    /// <summary>
    /// The text of a non-NULL value: numbers in canonical plain notation (12.50 → "12.5"), DateTimes as
    /// <c>YYYY-MM-DD HH:MM:SS[.ffffff]</c> (VALUE-1 generic string), Booleans as "1"/"0".
    /// </summary>
    public static string ToText(in ExprValue value) => value.Kind switch
    {
        ExprKind.String => value.AsString,
        ExprKind.Number => DecimalText.ToCanonicalNumber(value.AsNumber),
        ExprKind.DateTime => DateTimeText.ToText(value.AsDateTime),
        ExprKind.Boolean => value.AsBoolean ? "1" : "0",
        _ => string.Empty,
    };

    /// <summary>
    /// A value used as a condition (EXPR-4): Boolean as is; NULL → UNKNOWN (NULL); a number or numeric string →
    /// TRUE when non-zero; anything else is a run-time error.
    /// </summary>
    public static ExprValue ToCondition(in ExprValue value)
    {
        if (value.IsNull || value.Kind == ExprKind.Boolean) return value;
        return TryToNumber(value, out var number) ? ExprValue.FromBoolean(number != 0m) : ExprValue.Error;
    }
}

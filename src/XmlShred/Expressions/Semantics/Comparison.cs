namespace XmlShred.Expressions.Semantics;

/// <summary>
/// Three-valued ordering of two values (EXPR-5): DateTime if either side is one, else Number if either side
/// is one, else strings case-insensitively ignoring trailing spaces. Two strings never compare numerically.
/// </summary>
internal static class Comparison
{
    /// <summary>False when the outcome is UNKNOWN (a NULL side or a failed conversion).</summary>
    public static bool TryCompare(in ExprValue left, in ExprValue right, out int order)
    {
        order = 0;
        if (left.IsNull || right.IsNull) return false;

        var leftKind = left.Kind;
        var rightKind = right.Kind;
        if (leftKind == ExprKind.DateTime || rightKind == ExprKind.DateTime)
        {
            if (!Coercion.TryToDateTime(left, out var a) || !Coercion.TryToDateTime(right, out var b)) return false;
            order = a.CompareTo(b);
            return true;
        }

        if (leftKind == ExprKind.String && rightKind == ExprKind.String)
        {
            order = CompareText(left.AsString, right.AsString);
            return true;
        }

        if (!Coercion.TryToNumber(left, out var x) || !Coercion.TryToNumber(right, out var y)) return false;
        order = x.CompareTo(y);
        return true;
    }

    /// <summary>SQL Server default collation: ordinal upper-case comparison, trailing spaces ignored.</summary>
    public static int CompareText(string left, string right) =>
        left.AsSpan().TrimEnd(' ').CompareTo(right.AsSpan().TrimEnd(' '), StringComparison.OrdinalIgnoreCase);

    /// <summary>Equality as used by simple CASE, IN and NULLIF: TRUE, FALSE or UNKNOWN (NULL).</summary>
    public static ExprValue AreEqual(in ExprValue left, in ExprValue right) =>
        TryCompare(left, right, out var order) ? ExprValue.FromBoolean(order == 0) : ExprValue.Null;
}

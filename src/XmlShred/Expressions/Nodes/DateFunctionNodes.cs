using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

/// <summary><c>GETUTCDATE()</c> / <c>GETDATE()</c>: the evaluation's "now" (the caller's UTC clock reading).</summary>
internal sealed class NowNode() : Node(isPure: false)
{
    public override ExprValue Evaluate(in EvaluationScope scope) => ExprValue.FromDateTime(scope.UtcNow);
}

/// <summary><c>DATEADD(part, n, d)</c>: n truncated toward zero; the time of day is kept.</summary>
internal sealed class DateAddNode(DatePart part, Node amount, Node date) : Node(AllPure(amount, date))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var n = amount.Evaluate(scope);
        if (n.IsError) return n;
        var d = date.Evaluate(scope);
        if (d.IsError) return d;
        if (n.IsNull || d.IsNull) return ExprValue.Null;
        if (!Coercion.TryToInt32(n, out var units) || !Coercion.TryToDateTime(d, out var start)) return ExprValue.Error;
        return DateArithmetic.TryAdd(part, units, start, out var result) ? ExprValue.FromDateTime(result) : ExprValue.Error;
    }
}

/// <summary><c>DATEDIFF(part, a, b)</c>: boundaries crossed from a to b, SQL Server style.</summary>
internal sealed class DateDiffNode(DatePart part, Node start, Node end) : Node(AllPure(start, end))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var a = start.Evaluate(scope);
        if (a.IsError) return a;
        var b = end.Evaluate(scope);
        if (b.IsError) return b;
        if (a.IsNull || b.IsNull) return ExprValue.Null;
        if (!Coercion.TryToDateTime(a, out var from) || !Coercion.TryToDateTime(b, out var to)) return ExprValue.Error;
        return ExprValue.FromNumber(DateArithmetic.Difference(part, from, to));
    }
}

internal enum DateField
{
    Date,
    Year,
    Month,
    Day,
}

/// <summary><c>DATE(x)</c> (midnight of x) and <c>YEAR/MONTH/DAY(x)</c> (the calendar field as a Number).</summary>
internal sealed class DateFieldNode(DateField field, Node operand) : Node(operand.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsNull) return value;
        if (!Coercion.TryToDateTime(value, out var date)) return ExprValue.Error;
        return field switch
        {
            DateField.Date => ExprValue.FromDateTime(date.Date),
            DateField.Year => ExprValue.FromNumber(date.Year),
            DateField.Month => ExprValue.FromNumber(date.Month),
            _ => ExprValue.FromNumber(date.Day),
        };
    }
}

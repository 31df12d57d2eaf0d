using XmlShred.Expressions.Semantics;
using XmlShred.Values;

namespace XmlShred.Expressions.Nodes;

/// <summary><c>ABS(x)</c>.</summary>
internal sealed class AbsNode(Node operand) : Node(operand.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsNull) return value;
        return Coercion.TryToNumber(value, out var number) ? ExprValue.FromNumber(Math.Abs(number)) : ExprValue.Error;
    }
}

/// <summary>
/// <c>ROUND(x, p [, f])</c>: half away from zero to p places (negative p rounds left of the point);
/// a non-zero f truncates instead.
/// </summary>
internal sealed class RoundNode(Node operand, Node places, Node? truncate)
    : Node(AllPure(operand, places) && (truncate?.IsPure ?? true))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsError) return value;
        var digits = places.Evaluate(scope);
        if (digits.IsError) return digits;
        var flag = truncate?.Evaluate(scope) ?? ExprValue.FromNumber(0m);
        if (flag.IsError) return flag;
        if (value.IsNull || digits.IsNull || flag.IsNull) return ExprValue.Null;

        if (!Coercion.TryToNumber(value, out var number) || !Coercion.TryToInt32(digits, out var p)
            || !Coercion.TryToNumber(flag, out var f))
            return ExprValue.Error;
        var mode = f == 0m ? MidpointRounding.AwayFromZero : MidpointRounding.ToZero;
        try
        {
            return ExprValue.FromNumber(DecimalText.Round(number, p, mode));
        }
        catch (OverflowException)
        {
            return ExprValue.Error;
        }
    }
}

using XmlShred.Expressions.Semantics;
using XmlShred.Values;

namespace XmlShred.Expressions.Nodes;

/// <summary>
/// <c>CAST(x AS type)</c> (EXPR-9). NULL stays NULL; a failed conversion is a run-time error.
/// Strings convert to numbers with the VALUE-4 grammar, as an explicit conversion (generic conversion, VALUE-1) does.
/// </summary>
internal sealed class CastNode(Node operand, CastTarget target) : Node(operand.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        return value.IsNull ? value : Convert(value, target);
    }

    private static ExprValue Convert(in ExprValue value, CastTarget target)
    {
        switch (target.Kind)
        {
            case CastKind.Integer:
                return TryToNumber(value, out var whole) ? ExprValue.FromNumber(decimal.Truncate(whole)) : ExprValue.Error;
            case CastKind.Decimal:
                return TryToNumber(value, out var exact) ? ExprValue.FromNumber(DecimalText.Rescale(exact, target.LengthOrScale)) : ExprValue.Error;
            case CastKind.Float:
                return TryToNumber(value, out var number) ? ExprValue.FromNumber(number) : ExprValue.Error;
            case CastKind.Text:
                return ExprValue.FromString(TextLength.Slice(Coercion.ToText(value), 0, target.LengthOrScale));
            case CastKind.Date:
                return Coercion.TryToDateTime(value, out var date) ? ExprValue.FromDateTime(date.Date) : ExprValue.Error;
            case CastKind.DateTime:
                return Coercion.TryToDateTime(value, out var dateTime) ? ExprValue.FromDateTime(dateTime) : ExprValue.Error;
            default:
                return ToBit(value);
        }
    }

    private static bool TryToNumber(in ExprValue value, out decimal number) =>
        value.Kind == ExprKind.String ? DecimalText.TryParse(value.AsString, out number) : Coercion.TryToNumber(value, out number);

    // true/y/yes → 1, false/n/no → 0, numbers → 0/1.
    private static ExprValue ToBit(in ExprValue value)
    {
        if (value.Kind == ExprKind.String)
        {
            var text = value.AsString.AsSpan().Trim();
            if (IsAnyOf(text, "true", "y", "yes")) return ExprValue.FromNumber(1m);
            if (IsAnyOf(text, "false", "n", "no")) return ExprValue.FromNumber(0m);
        }
        return TryToNumber(value, out var number) ? ExprValue.FromNumber(number == 0m ? 0m : 1m) : ExprValue.Error;
    }

    private static bool IsAnyOf(ReadOnlySpan<char> text, string a, string b, string c) =>
        text.Equals(a, StringComparison.OrdinalIgnoreCase) || text.Equals(b, StringComparison.OrdinalIgnoreCase)
        || text.Equals(c, StringComparison.OrdinalIgnoreCase);
}

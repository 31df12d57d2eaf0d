using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

/// <summary>Unary <c>-</c> / <c>+</c>: the operand as a Number (negated for <c>-</c>); NULL stays NULL.</summary>
internal sealed class SignNode(bool negate, Node operand) : Node(operand.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsNull) return value;
        if (!Coercion.TryToNumber(value, out var number)) return ExprValue.Error;
        return ExprValue.FromNumber(negate ? -number : number);
    }
}

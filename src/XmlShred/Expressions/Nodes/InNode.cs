using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

/// <summary>
/// <c>[NOT] IN (…)</c> (EXPR-7): TRUE if some item compares equal; else UNKNOWN if some comparison was UNKNOWN; else FALSE.
/// </summary>
internal sealed class InNode(Node operand, Node[] items, bool negated) : Node(operand.IsPure && AllPure(items))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsError) return value;
        var result = ExprValue.False;
        foreach (var item in items)
        {
            var candidate = item.Evaluate(scope);
            if (candidate.IsError) return candidate;
            var equal = Comparison.AreEqual(value, candidate);
            if (equal.IsNull)
            {
                result = ExprValue.Null;
            }
            else if (equal.AsBoolean)
            {
                result = ExprValue.True;
                break;
            }
        }
        return negated ? NotNode.Negate(result) : result;
    }
}

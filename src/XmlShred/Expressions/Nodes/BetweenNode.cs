namespace XmlShred.Expressions.Nodes;

/// <summary><c>x [NOT] BETWEEN a AND b</c> ≡ <c>[NOT] (x &gt;= a AND x &lt;= b)</c>, three-valued (EXPR-7).</summary>
internal sealed class BetweenNode(Node operand, Node low, Node high, bool negated)
    : Node(operand.IsPure && AllPure(low, high))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsError) return value;
        var lowValue = low.Evaluate(scope);
        if (lowValue.IsError) return lowValue;

        var result = ComparisonNode.Apply(ComparisonOperator.GreaterOrEqual, value, lowValue);
        if (result.IsNull || result.AsBoolean)
        {
            // As in AND, the upper bound is only looked at when the lower test is not FALSE.
            var highValue = high.Evaluate(scope);
            if (highValue.IsError) return highValue;
            var upper = ComparisonNode.Apply(ComparisonOperator.LessOrEqual, value, highValue);
            if (upper.IsNull) result = upper;                // TRUE or UNKNOWN, AND UNKNOWN
            else if (!upper.AsBoolean) result = upper;       // FALSE wins
        }
        return negated ? NotNode.Negate(result) : result;
    }
}

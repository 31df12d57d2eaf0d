using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}

/// <summary><c>= &lt;&gt; != &lt; &gt; &lt;= &gt;=</c>: TRUE/FALSE, or UNKNOWN for NULL sides and failed conversions (EXPR-5).</summary>
internal sealed class ComparisonNode(ComparisonOperator op, Node left, Node right) : Node(AllPure(left, right))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var l = left.Evaluate(scope);
        if (l.IsError) return l;
        var r = right.Evaluate(scope);
        if (r.IsError) return r;
        return Apply(op, l, r);
    }

    public static ExprValue Apply(ComparisonOperator op, in ExprValue left, in ExprValue right)
    {
        if (!Comparison.TryCompare(left, right, out var order)) return ExprValue.Null;
        return ExprValue.FromBoolean(op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.Greater => order > 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            _ => order >= 0,
        });
    }
}

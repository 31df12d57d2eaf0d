using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

/// <summary>
/// Three-valued AND (EXPR-4): FALSE if either side is FALSE, else UNKNOWN if either is UNKNOWN, else TRUE.
/// The right side is not evaluated when the left is FALSE.
/// </summary>
internal sealed class AndNode(Node left, Node right) : Node(AllPure(left, right))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var l = Coercion.ToCondition(left.Evaluate(scope));
        if (l.IsError || (!l.IsNull && !l.AsBoolean)) return l;
        var r = Coercion.ToCondition(right.Evaluate(scope));
        if (r.IsError || (!r.IsNull && !r.AsBoolean)) return r;
        return l.IsNull ? l : r;
    }
}

/// <summary>Three-valued OR: TRUE if either side is TRUE, else UNKNOWN if either is UNKNOWN, else FALSE.</summary>
internal sealed class OrNode(Node left, Node right) : Node(AllPure(left, right))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var l = Coercion.ToCondition(left.Evaluate(scope));
        if (l.IsError || (!l.IsNull && l.AsBoolean)) return l;
        var r = Coercion.ToCondition(right.Evaluate(scope));
        if (r.IsError || (!r.IsNull && r.AsBoolean)) return r;
        return l.IsNull ? l : r;
    }
}

/// <summary>NOT: TRUE ↔ FALSE, UNKNOWN stays UNKNOWN.</summary>
internal sealed class NotNode(Node operand) : Node(operand.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope) => Negate(Coercion.ToCondition(operand.Evaluate(scope)));

    /// <summary>Also used by the <c>NOT LIKE / NOT IN / NOT BETWEEN / IS NOT</c> forms.</summary>
    public static ExprValue Negate(in ExprValue condition) =>
        condition.IsNull ? condition : ExprValue.FromBoolean(!condition.AsBoolean);
}

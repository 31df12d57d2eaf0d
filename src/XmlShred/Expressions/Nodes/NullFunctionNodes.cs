using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

/// <summary><c>COALESCE(a, b, …)</c> and <c>ISNULL(a, b)</c>: the first non-NULL argument, evaluated left to right.</summary>
internal sealed class CoalesceNode(Node[] arguments) : Node(AllPure(arguments))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        foreach (var argument in arguments)
        {
            var value = argument.Evaluate(scope);
            if (!value.IsNull || value.IsError) return value;
        }
        return ExprValue.Null;
    }
}

/// <summary><c>NULLIF(a, b)</c>: NULL when a compares equal to b (case-insensitive for strings), else a.</summary>
internal sealed class NullIfNode(Node value, Node other) : Node(AllPure(value, other))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var a = value.Evaluate(scope);
        if (a.IsNull) return a;
        var b = other.Evaluate(scope);
        if (b.IsError) return b;
        var equal = Comparison.AreEqual(a, b);
        return !equal.IsNull && equal.AsBoolean ? ExprValue.Null : a;
    }
}

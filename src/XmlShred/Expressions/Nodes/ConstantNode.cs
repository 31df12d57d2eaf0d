namespace XmlShred.Expressions.Nodes;

/// <summary>A literal, or a sub-expression the parser folded because it reads no field.</summary>
internal sealed class ConstantNode(ExprValue value) : Node(isPure: true)
{
    public ExprValue Value { get; } = value;

    public override ExprValue Evaluate(in EvaluationScope scope) => Value;
}

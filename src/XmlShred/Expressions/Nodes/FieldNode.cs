namespace XmlShred.Expressions.Nodes;

/// <summary>A field reference, looked up per EXPR-3 (exact key, else first case-insensitive key).</summary>
internal sealed class FieldNode(string name) : Node(isPure: false)
{
    public override ExprValue Evaluate(in EvaluationScope scope) => scope.Context.Resolve(name);
}

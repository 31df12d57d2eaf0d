namespace XmlShred.Expressions.Nodes;

/// <summary>
/// <c>IS [NOT] NULL</c> (TRUE iff NULL, never UNKNOWN) and the contracts' <c>IS [NOT] EMPTY</c>
/// (TRUE iff NULL or a blank string).
/// </summary>
internal sealed class IsNullNode(Node operand, bool orBlank, bool negated) : Node(operand.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsError) return value;
        var isEmpty = value.IsNull || (orBlank && value.Kind == ExprKind.String && string.IsNullOrWhiteSpace(value.AsString));
        return ExprValue.FromBoolean(isEmpty != negated);
    }
}

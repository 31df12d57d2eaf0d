using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

/// <summary><c>[NOT] LIKE</c>: both sides as text; NULL on either side is UNKNOWN.</summary>
internal sealed class LikeNode : Node
{
    private readonly Node _operand;
    private readonly Node _pattern;
    private readonly bool _negated;
    private readonly LikePattern? _compiled;

    public LikeNode(Node operand, Node pattern, bool negated)
        : base(AllPure(operand, pattern))
    {
        _operand = operand;
        _pattern = pattern;
        _negated = negated;
        if (pattern is ConstantNode { Value.IsNull: false } constant)
            _compiled = LikePattern.Compile(Coercion.ToText(constant.Value));
    }

    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = _operand.Evaluate(scope);
        if (value.IsError) return value;
        var pattern = _compiled is null ? _pattern.Evaluate(scope) : ExprValue.Null;
        if (pattern.IsError) return pattern;
        if (value.IsNull || (_compiled is null && pattern.IsNull)) return ExprValue.Null;

        var text = Coercion.ToText(value);
        var matches = _compiled?.IsMatch(text) ?? LikePattern.IsMatch(text, Coercion.ToText(pattern));
        return ExprValue.FromBoolean(matches != _negated);
    }
}

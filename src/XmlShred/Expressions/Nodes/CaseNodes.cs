using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

/// <summary>Searched CASE: the first WHEN whose condition is TRUE; else ELSE, or NULL without one.</summary>
internal sealed class SearchedCaseNode(Node[] conditions, Node[] results, Node? otherwise)
    : Node(AllPure(conditions) && AllPure(results) && (otherwise?.IsPure ?? true))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        for (var i = 0; i < conditions.Length; i++)
        {
            var condition = Coercion.ToCondition(conditions[i].Evaluate(scope));
            if (condition.IsError) return condition;
            if (!condition.IsNull && condition.AsBoolean) return results[i].Evaluate(scope);
        }
        return otherwise?.Evaluate(scope) ?? ExprValue.Null;
    }
}

/// <summary>Simple CASE (<c>CASE x WHEN v THEN r … END</c>): the first WHEN value that compares equal to the operand.</summary>
internal sealed class SimpleCaseNode(Node operand, Node[] candidates, Node[] results, Node? otherwise)
    : Node(operand.IsPure && AllPure(candidates) && AllPure(results) && (otherwise?.IsPure ?? true))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsError) return value;
        for (var i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i].Evaluate(scope);
            if (candidate.IsError) return candidate;
            var equal = Comparison.AreEqual(value, candidate);
            if (!equal.IsNull && equal.AsBoolean) return results[i].Evaluate(scope);
        }
        return otherwise?.Evaluate(scope) ?? ExprValue.Null;
    }
}

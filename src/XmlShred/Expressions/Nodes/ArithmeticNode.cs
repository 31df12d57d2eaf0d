using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary>
/// <c>+ - * /</c> (EXPR-6): NULL propagates; two strings under <c>+</c> concatenate; otherwise exact decimal
/// arithmetic, a non-numeric operand is a run-time error and division by zero is NULL.
/// </summary>
internal sealed class ArithmeticNode(ArithmeticOperator op, Node left, Node right) : Node(AllPure(left, right))
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var l = left.Evaluate(scope);
        if (l.IsError) return l;
        var r = right.Evaluate(scope);
        if (r.IsError) return r;
        if (l.IsNull || r.IsNull) return ExprValue.Null;

        if (op == ArithmeticOperator.Add && l.Kind == ExprKind.String && r.Kind == ExprKind.String)
            return ExprValue.FromString(string.Concat(l.AsString, r.AsString));

        if (!Coercion.TryToNumber(l, out var a) || !Coercion.TryToNumber(r, out var b)) return ExprValue.Error;
        try
        {
            return op switch
            {
                ArithmeticOperator.Add => ExprValue.FromNumber(a + b),
                ArithmeticOperator.Subtract => ExprValue.FromNumber(a - b),
                ArithmeticOperator.Multiply => ExprValue.FromNumber(a * b),
                _ => b == 0m ? ExprValue.Null : ExprValue.FromNumber(a / b),
            };
        }
        catch (OverflowException)
        {
            return ExprValue.Error;
        }
    }
}

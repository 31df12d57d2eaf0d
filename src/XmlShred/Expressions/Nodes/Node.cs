namespace XmlShred.Expressions.Nodes;

/// <summary>What one evaluation reads: the field values and the moment GETUTCDATE() reports.</summary>
internal readonly record struct EvaluationScope(ExpressionContext Context, DateTime UtcNow);

/// <summary>
/// A compiled expression node. Nodes are immutable once built, so one tree serves many threads at once.
/// </summary>
internal abstract class Node
{
    protected Node(bool isPure)
    {
        IsPure = isPure;
    }

    /// <summary>True when the value depends on neither the context nor the clock, so the parser may fold it.</summary>
    public bool IsPure { get; }

    public abstract ExprValue Evaluate(in EvaluationScope scope);

    protected static bool AllPure(Node a, Node b) => a.IsPure && b.IsPure;

    protected static bool AllPure(IReadOnlyList<Node> nodes)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!nodes[i].IsPure) return false;
        }
        return true;
    }
}

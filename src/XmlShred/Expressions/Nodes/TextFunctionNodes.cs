using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Nodes;

/// <summary><c>LEN(s)</c>: length of the text excluding trailing spaces.</summary>
internal sealed class LenNode(Node operand) : Node(operand.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsNull) return value;
        return ExprValue.FromNumber(TextLength.Count(Coercion.ToText(value).AsSpan().TrimEnd(' ')));
    }
}

internal enum TextTransform
{
    Upper,
    Lower,
    TrimStart,
    TrimEnd,
    Trim,
}

/// <summary><c>UPPER LOWER LTRIM RTRIM TRIM</c>; trimming removes white space as XML-3 defines it.</summary>
internal sealed class TextTransformNode(TextTransform transform, Node operand) : Node(operand.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var value = operand.Evaluate(scope);
        if (value.IsNull) return value;
        var text = Coercion.ToText(value);
        return ExprValue.FromString(transform switch
        {
            TextTransform.Upper => text.ToUpperInvariant(),
            TextTransform.Lower => text.ToLowerInvariant(),
            TextTransform.TrimStart => text.TrimStart(),
            TextTransform.TrimEnd => text.TrimEnd(),
            _ => text.Trim(),
        });
    }
}

/// <summary>
/// <c>SUBSTRING(s, start, len)</c>: 1-based, the characters at positions [max(start, 1), start + len);
/// a negative length is a run-time error.
/// </summary>
internal sealed class SubstringNode(Node text, Node start, Node length) : Node(AllPure(text, start) && length.IsPure)
{
    public override ExprValue Evaluate(in EvaluationScope scope)
    {
        var s = text.Evaluate(scope);
        if (s.IsError) return s;
        var from = start.Evaluate(scope);
        if (from.IsError) return from;
        var count = length.Evaluate(scope);
        if (count.IsError) return count;
        if (s.IsNull || from.IsNull || count.IsNull) return ExprValue.Null;
        if (!Coercion.TryToInt32(from, out var first) || !Coercion.TryToInt32(count, out var size) || size < 0)
            return ExprValue.Error;

        var begin = Math.Max(first, 1);
        var end = (long)first + size; // exclusive, 1-based
        if (end <= begin) return ExprValue.FromString(string.Empty);
        return ExprValue.FromString(TextLength.Slice(Coercion.ToText(s), begin - 1, (int)Math.Min(end - begin, int.MaxValue)));
    }
}

using XmlShred.Expressions.Nodes;

namespace XmlShred.Expressions.Parsing;

/// <summary>
/// The ordinary functions of EXPR-9 with their argument counts. CAST, DATEADD and DATEDIFF have their own
/// syntax and are parsed separately.
/// </summary>
internal static class FunctionCatalog
{
    public sealed record Function(int MinArguments, int MaxArguments, Func<Node[], Node> Build);

    private const int Unbounded = int.MaxValue;

    private static readonly Dictionary<string, Function> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["COALESCE"] = new(1, Unbounded, args => new CoalesceNode(args)),
        ["ISNULL"] = new(2, 2, args => new CoalesceNode(args)),
        ["NULLIF"] = new(2, 2, args => new NullIfNode(args[0], args[1])),
        ["GETUTCDATE"] = new(0, 0, _ => new NowNode()),
        ["GETDATE"] = new(0, 0, _ => new NowNode()),
        ["DATE"] = new(1, 1, args => new DateFieldNode(DateField.Date, args[0])),
        ["YEAR"] = new(1, 1, args => new DateFieldNode(DateField.Year, args[0])),
        ["MONTH"] = new(1, 1, args => new DateFieldNode(DateField.Month, args[0])),
        ["DAY"] = new(1, 1, args => new DateFieldNode(DateField.Day, args[0])),
        ["LEN"] = new(1, 1, args => new LenNode(args[0])),
        ["UPPER"] = new(1, 1, args => new TextTransformNode(TextTransform.Upper, args[0])),
        ["LOWER"] = new(1, 1, args => new TextTransformNode(TextTransform.Lower, args[0])),
        ["LTRIM"] = new(1, 1, args => new TextTransformNode(TextTransform.TrimStart, args[0])),
        ["RTRIM"] = new(1, 1, args => new TextTransformNode(TextTransform.TrimEnd, args[0])),
        ["TRIM"] = new(1, 1, args => new TextTransformNode(TextTransform.Trim, args[0])),
        ["SUBSTRING"] = new(3, 3, args => new SubstringNode(args[0], args[1], args[2])),
        ["ABS"] = new(1, 1, args => new AbsNode(args[0])),
        ["ROUND"] = new(2, 3, args => new RoundNode(args[0], args[1], args.Length > 2 ? args[2] : null)),
    };

    public static bool TryGet(string name, out Function function) => Functions.TryGetValue(name, out function!);

    public static string DescribeArity(Function function) => function switch
    {
        { MinArguments: var min, MaxArguments: Unbounded } => $"at least {min} argument{(min == 1 ? "" : "s")}",
        { MinArguments: var min, MaxArguments: var max } when min == max => $"{min} argument{(min == 1 ? "" : "s")}",
        { MinArguments: var min, MaxArguments: var max } => $"{min} to {max} arguments",
    };
}

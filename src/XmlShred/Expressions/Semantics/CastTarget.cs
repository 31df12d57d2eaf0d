namespace XmlShred.Expressions.Semantics;

internal enum CastKind
{
    Integer,
    Decimal,
    Float,
    Text,
    Date,
    DateTime,
    Bit,
}

/// <summary>A resolved CAST type (EXPR-2, EXPR-9): its kind plus the length of text types or the scale of decimals.</summary>
internal readonly record struct CastTarget(CastKind Kind, int LengthOrScale)
{
    private const int DefaultTextLength = 30;

    private static readonly Dictionary<string, CastKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["int"] = CastKind.Integer,
        ["smallint"] = CastKind.Integer,
        ["tinyint"] = CastKind.Integer,
        ["bigint"] = CastKind.Integer,
        ["decimal"] = CastKind.Decimal,
        ["numeric"] = CastKind.Decimal,
        ["float"] = CastKind.Float,
        ["varchar"] = CastKind.Text,
        ["nvarchar"] = CastKind.Text,
        ["char"] = CastKind.Text,
        ["date"] = CastKind.Date,
        ["datetime"] = CastKind.DateTime,
        ["datetime2"] = CastKind.DateTime,
        ["bit"] = CastKind.Bit,
    };

    public static bool TryGetKind(string typeName, out CastKind kind) => Kinds.TryGetValue(typeName, out kind);

    /// <summary>
    /// <c>varchar(n)</c> keeps n (default 30); <c>decimal(p,s)</c> keeps s (default 0); other arguments are ignored.
    /// </summary>
    public static CastTarget Create(CastKind kind, int? first, int? second) => kind switch
    {
        CastKind.Text => new CastTarget(kind, first ?? DefaultTextLength),
        CastKind.Decimal => new CastTarget(kind, second ?? 0),
        _ => new CastTarget(kind, 0),
    };
}

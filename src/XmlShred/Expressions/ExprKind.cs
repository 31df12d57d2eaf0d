namespace XmlShred.Expressions;

/// <summary>The value kinds of the expression language (EXPR-3). Boolean UNKNOWN is carried as <see cref="Null"/>.</summary>
public enum ExprKind : byte
{
    Null,
    String,
    Number,
    DateTime,
    Boolean,
}

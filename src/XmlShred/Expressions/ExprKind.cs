namespace XmlShred.Expressions;

/// <summary>The value kinds of the expression language (§8.4). Boolean UNKNOWN is carried as <see cref="Null"/>.</summary>
public enum ExprKind : byte
{
    Null,
    String,
    Number,
    DateTime,
    Boolean,
}

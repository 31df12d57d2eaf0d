namespace XmlShred.Expressions;

/// <summary>The value kinds of the expression language (EXPR-3). Boolean UNKNOWN is carried as <see cref="Null"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "String is the expression language's own value kind, as in SQL.")]
public enum ExprKind : byte
{
    Null,
    String,
    Number,
    DateTime,
    Boolean,
}

using XmlShred.Expressions;
using XmlShred.Values;

namespace XmlShred.Tests.Expressions;

/// <summary>Compiles and evaluates an expression against a few fields, and renders results for compact assertions.</summary>
internal static class Expr
{
    public static readonly DateTime Now = new(2024, 6, 1, 12, 34, 56);

    public static ExprValue Eval(string text, params (string Key, object? Value)[] fields)
    {
        var context = new ExpressionContext();
        foreach (var (key, value) in fields) context.Set(key, value);
        return CompiledExpression.Parse(text).Evaluate(context, Now);
    }

    /// <summary>NULL, TRUE/FALSE, canonical numbers and datetimes, strings in quotes.</summary>
    public static string Show(ExprValue value) => value.Kind switch
    {
        ExprKind.Null => "NULL",
        ExprKind.Boolean => value.AsBoolean ? "TRUE" : "FALSE",
        ExprKind.Number => DecimalText.ToCanonicalNumber(value.AsNumber),
        ExprKind.DateTime => DateTimeText.ToCanonical(value.AsDateTime),
        _ => "'" + value.AsString + "'",
    };

    public static string Run(string text, params (string Key, object? Value)[] fields) => Show(Eval(text, fields));
}

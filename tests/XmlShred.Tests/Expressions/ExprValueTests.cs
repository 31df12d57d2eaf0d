using XmlShred.Expressions;

namespace XmlShred.Tests.Expressions;

public class ExprValueTests
{
    [Fact]
    public void Factories_SetKindAndPayload()
    {
        var when = new DateTime(2024, 1, 2);
        Assert.Equal(ExprKind.Null, ExprValue.Null.Kind);
        Assert.True(ExprValue.Null.IsNull);
        Assert.Equal("a", ExprValue.FromString("a").AsString);
        Assert.True(ExprValue.FromString(null).IsNull);
        Assert.Equal(1.5m, ExprValue.FromNumber(1.5m).AsNumber);
        Assert.Equal(when, ExprValue.FromDateTime(when).AsDateTime);
        Assert.True(ExprValue.FromBoolean(true).AsBoolean);
        Assert.False(ExprValue.FromBoolean(false).AsBoolean);
        Assert.Equal(ExprKind.Boolean, ExprValue.False.Kind);
    }

    [Fact]
    public void Accessors_ForAnotherKind_Throw()
    {
        Assert.Throws<InvalidOperationException>(() => ExprValue.FromNumber(1m).AsString);
        Assert.Throws<InvalidOperationException>(() => ExprValue.Null.AsNumber);
        Assert.Throws<InvalidOperationException>(() => ExprValue.FromString("x").AsBoolean);
        Assert.Throws<InvalidOperationException>(() => ExprValue.FromBoolean(true).AsDateTime);
    }

    [Fact]
    public void ToString_ShowsKindAndValue()
    {
        Assert.Equal("NULL", ExprValue.Null.ToString());
        Assert.Equal("'it''s'", ExprValue.FromString("it's").ToString());
        Assert.Equal("12.50", ExprValue.FromNumber(12.50m).ToString());
        Assert.Equal("2024-01-02T03:04:05", ExprValue.FromDateTime(new DateTime(2024, 1, 2, 3, 4, 5)).ToString());
        Assert.Equal("TRUE", ExprValue.True.ToString());
    }

    // A bare predicate yields a Boolean; UNKNOWN comes back as NULL, run-time errors as NULL too.
    [Fact]
    public void Evaluate_PredicateResults()
    {
        Assert.Equal(ExprKind.Boolean, Expr.Eval("1 < 2").Kind);
        Assert.Equal(ExprKind.Null, Expr.Eval("x < 2").Kind);
        Assert.Equal(ExprKind.Null, Expr.Eval("CAST('x' AS int)").Kind);
    }
}

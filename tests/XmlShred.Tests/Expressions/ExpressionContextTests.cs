using XmlShred.Expressions;

namespace XmlShred.Tests.Expressions;

/// <summary>EXPR-3 lookup and EXPR-10 ordered-map behaviour of the context.</summary>
public class ExpressionContextTests
{
    [Fact]
    public void Set_ReassigningAKey_KeepsItsPositionAndReplacesTheValue()
    {
        var context = new ExpressionContext();
        context.Set("a", "1");
        context.Set("b", "2");
        context.Set("a", "3");

        Assert.Equal(["a", "b"], context.Keys);
        Assert.Equal(2, context.Count);
        Assert.Equal("3", context.Resolve("a").AsString);
    }

    [Fact]
    public void Resolve_PrefersTheExactKey_ElseTheFirstCaseInsensitiveKey()
    {
        var context = new ExpressionContext();
        context.Set("Name", "first");
        context.Set("NAME", "second");

        Assert.Equal("second", context.Resolve("NAME").AsString);
        Assert.Equal("first", context.Resolve("Name").AsString);
        Assert.Equal("first", context.Resolve("name").AsString);
        Assert.True(context.Resolve("nom").IsNull);
    }

    [Fact]
    public void Set_ReassigningTheFirstSpelling_KeepsItFirstForCaseInsensitiveLookup()
    {
        var context = new ExpressionContext();
        context.Set("App.Code", "old");
        context.Set("app.code", "other");
        context.Set("App.Code", "new");

        Assert.Equal("new", context.Resolve("APP.CODE").AsString);
        Assert.Equal("other", context.Resolve("app.code").AsString);
    }

    [Fact]
    public void Resolve_TrimsStringsAndTreatsBlankAsNull()
    {
        var context = new ExpressionContext();
        context.Set("padded", "  x  ");
        context.Set("blank", " \t ");
        context.Set("empty", "");

        Assert.Equal("x", context.Resolve("padded").AsString);
        Assert.True(context.Resolve("blank").IsNull);
        Assert.True(context.Resolve("empty").IsNull);
        Assert.True(context.TryGetValue("padded", out var raw));
        Assert.Equal("  x  ", raw); // the raw value is kept as given
    }

    [Fact]
    public void Resolve_ConvertsSupportedKindsAndNullsTheRest()
    {
        var context = new ExpressionContext();
        var when = new DateTime(2024, 1, 2, 3, 4, 5);
        context.Set("dec", 1.50m);
        context.Set("long", 7L);
        context.Set("int", 8);
        context.Set("date", when);
        context.Set("list", new List<string> { "a" });
        context.Set("double", 1.5);
        context.Set("none", null);

        Assert.Equal(1.50m, context.Resolve("dec").AsNumber);
        Assert.Equal(7m, context.Resolve("long").AsNumber);
        Assert.Equal(8m, context.Resolve("int").AsNumber);
        Assert.Equal(when, context.Resolve("date").AsDateTime);
        Assert.True(context.Resolve("list").IsNull);
        Assert.True(context.Resolve("double").IsNull);
        Assert.True(context.Resolve("none").IsNull);
        Assert.Equal(7, context.Count);
    }

    [Fact]
    public void Clear_EmptiesTheContextForReuse()
    {
        var context = new ExpressionContext();
        context.Set("a", "1");
        context.Set("A", "2");
        context.Clear();

        Assert.Equal(0, context.Count);
        Assert.Empty(context.Keys);
        Assert.True(context.Resolve("a").IsNull);
        Assert.False(context.TryGetValue("a", out _));

        context.Set("A", "3");
        Assert.Equal("3", context.Resolve("a").AsString);
    }

    [Fact]
    public void Expression_SeesContextChangesBetweenEvaluations()
    {
        var expression = CompiledExpression.Parse("x + 1");
        var context = new ExpressionContext();
        context.Set("x", "1");
        Assert.Equal(2m, expression.Evaluate(context, default).AsNumber);
        context.Set("X", "ignored"); // exact "x" still wins
        context.Set("x", "41");
        Assert.Equal(42m, expression.Evaluate(context, default).AsNumber);
    }
}

using System.Text.Json.Nodes;

namespace XmlShred.Tests.Rules;

/// <summary>§6 enums: [E-1] map selection, [E-2] lookup, [E-3] no match.</summary>
public class EnumTests
{
    private static Dictionary<string, object?> Row(TestContract c, string attrs) => c.Map(Doc.Xml(appAttrs: "k=\"1\" " + attrs)).Single("loan");

    private static TestContract Base() => new TestContract().AppId().Add("loan", "k", TestContract.App, "k");

    [Fact] // E-1.1: enum_name wins
    public void E1_EnumName()
    {
        var c = Base().Add("loan", "color_enum", TestContract.App, "c", "int", mt: "enum", enumName: "paint")
            .Enum("paint", new JsonObject { ["RED"] = 1 }).Enum("color_enum", new JsonObject { ["RED"] = 2 });
        Assert.Equal(1L, Row(c, "c=\"RED\"")["color_enum"]);
    }

    [Fact] // E-1.2/3: target_column as map name (…_enum)
    public void E1_ColumnName()
    {
        var c = Base().Add("loan", "color_enum", TestContract.App, "c", "int", mt: "enum").Enum("color_enum", new JsonObject { ["RED"] = 2 });
        Assert.Equal(2L, Row(c, "c=\"RED\"")["color_enum"]);
    }

    [Fact] // E-1.4: substring rule (status → status_enum)
    public void E1_SubstringRule()
    {
        var c = Base().Add("loan", "app_status_cd", TestContract.App, "s", "int", mt: "enum").Enum("status_enum", new JsonObject { ["OPEN"] = 5 });
        Assert.Equal(5L, Row(c, "s=\"OPEN\"")["app_status_cd"]);
    }

    [Theory] // E-2: exact, then first CI key, then "" fallback; input trimmed
    [InlineData("cm", 235L)]
    [InlineData("CM", 236L)]
    [InlineData(" Cm ", 235L)]
    [InlineData("ZZ", 229L)]
    [InlineData("", 229L)]
    public void E2_Lookup(string input, long expected)
    {
        var c = Base().Add("loan", "population_enum", TestContract.App, "p", "int", mt: "enum", nullable: true)
            .Enum("population_enum", new JsonObject { ["Cm"] = 235, ["CM"] = 236, ["cM"] = 237, [""] = 229 });
        Assert.Equal(expected, Row(c, $"p=\"{input}\"")["population_enum"]);
    }

    [Fact] // E-2: a map {"": n} always gives n (CC product_line_enum)
    public void E2_FallbackOnlyMap()
    {
        var c = Base().Add("loan", "line_enum", TestContract.App, "none", "int", mt: "enum").Enum("line_enum", new JsonObject { [""] = 600 });
        Assert.Equal(600L, Row(c, "")["line_enum"]);
    }

    [Fact] // E-3: no match, nullable → omitted
    public void E3_NoMatchNullable_Omitted()
    {
        var c = Base().Add("loan", "x_enum", TestContract.App, "x", "int", mt: "enum", nullable: true).Enum("x_enum", new JsonObject { ["A"] = 1 });
        Assert.False(Row(c, "x=\"B\"").ContainsKey("x_enum"));
    }

    [Fact] // E-3: no match, NOT NULL with default → typed default
    public void E3_NoMatchNotNull_TypedDefault()
    {
        var c = Base().Add("loan", "x_enum", TestContract.App, "x", "int", mt: "enum", dflt: "99").Enum("x_enum", new JsonObject { ["A"] = 1 });
        Assert.Equal(99L, Row(c, "x=\"B\"")["x_enum"]);
    }

    [Fact] // E-3 / B4: no match, NOT NULL, no default → omitted with warning
    public void E3_NoMatchNoDefault_OmittedWithWarning()
    {
        var c = Base().Add("loan", "x_enum", TestContract.App, "x", "int", mt: "enum").Enum("x_enum", new JsonObject { ["A"] = 1 });
        var r = c.Map(Doc.Xml(appAttrs: "k=\"1\" x=\"B\""));
        Assert.False(r.Single("loan").ContainsKey("x_enum"));
        Assert.Contains(r.Warnings, w => w.Contains("x_enum") && w.Contains("loan"));
    }

    [Fact] // §5.13 [calculated_field, enum]: NULL result → enum of the raw attribute; non-null result skips the enum
    public void CalculatedThenEnum()
    {
        var c = Base().Add("loan", "who_enum", TestContract.App, "code", "int", mt: "calculated_field, enum", nullable: true,
                expression: "CASE WHEN name LIKE 'abbey%' THEN 1 END")
            .Enum("who_enum", new JsonObject { ["6009"] = 42 });
        Assert.Equal(1L, Row(c, "name=\"Abbey H\" code=\"6009\"")["who_enum"]);
        Assert.Equal(42L, Row(c, "name=\"Zed\" code=\"6009\"")["who_enum"]);
        Assert.False(Row(c, "name=\"Zed\" code=\"1\"").ContainsKey("who_enum"));
    }

    [Fact] // §1.5 / §6.3: an empty map counts as no map → value omitted (RL priority_enum)
    public void EmptyMap_Omitted()
    {
        var c = Base().Add("loan", "priority_enum", TestContract.App, "p", "int", mt: "enum", nullable: true).Enum("priority_enum", new JsonObject());
        Assert.False(Row(c, "p=\"X\"").ContainsKey("priority_enum"));
    }
}

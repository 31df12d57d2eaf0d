using System.Text.Json.Nodes;

namespace XmlShred.Tests.Mapping;

/// <summary>Enums: map selection (ENUM-1), lookup (ENUM-2), no match (ENUM-3), empty maps (ENUM-4).</summary>
public class EnumTests
{
    private static Dictionary<string, object?> Row(TestContract c, string attrs) => c.Map(Doc.Xml(appAttrs: "k=\"1\" " + attrs)).Single("loan");

    private static TestContract Base() => new TestContract().AppId().Add("loan", "k", TestContract.App, "k");

    [Fact] // ENUM-1: enum_name wins
    public void EnumMap_NamedByEnumName_WinsOverTheColumnName()
    {
        var c = Base().Add("loan", "color_enum", TestContract.App, "c", "int", mt: "enum", enumName: "paint")
            .Enum("paint", new JsonObject { ["RED"] = 1 }).Enum("color_enum", new JsonObject { ["RED"] = 2 });
        Assert.Equal(1L, Row(c, "c=\"RED\"")["color_enum"]);
    }

    [Fact] // ENUM-1/3: target_column as map name (…_enum)
    public void EnumMap_NamedLikeTheColumn_IsFound()
    {
        var c = Base().Add("loan", "color_enum", TestContract.App, "c", "int", mt: "enum").Enum("color_enum", new JsonObject { ["RED"] = 2 });
        Assert.Equal(2L, Row(c, "c=\"RED\"")["color_enum"]);
    }

    [Fact] // ENUM-1: substring rule (status → status_enum)
    public void EnumMap_FoundBySubstringRule()
    {
        var c = Base().Add("loan", "app_status_cd", TestContract.App, "s", "int", mt: "enum").Enum("status_enum", new JsonObject { ["OPEN"] = 5 });
        Assert.Equal(5L, Row(c, "s=\"OPEN\"")["app_status_cd"]);
    }

    [Theory] // ENUM-2: exact, then first CI key, then "" fallback; input trimmed
    [InlineData("cm", 235L)]
    [InlineData("CM", 236L)]
    [InlineData(" Cm ", 235L)]
    [InlineData("ZZ", 229L)]
    [InlineData("", 229L)]
    public void EnumLookup_ExactThenCaseInsensitiveThenFallback_OnTrimmedInput(string input, long expected)
    {
        var c = Base().Add("loan", "population_enum", TestContract.App, "p", "int", mt: "enum", nullable: true)
            .Enum("population_enum", new JsonObject { ["Cm"] = 235, ["CM"] = 236, ["cM"] = 237, [""] = 229 });
        Assert.Equal(expected, Row(c, $"p=\"{input}\"")["population_enum"]);
    }

    [Fact] // ENUM-2: a map {"": n} always gives n (CC product_line_enum)
    public void EnumMapWithOnlyAFallback_AlwaysGivesItsCode()
    {
        var c = Base().Add("loan", "line_enum", TestContract.App, "none", "int", mt: "enum").Enum("line_enum", new JsonObject { [""] = 600 });
        Assert.Equal(600L, Row(c, "")["line_enum"]);
    }

    [Fact] // ENUM-3: no match, nullable → omitted
    public void UnmatchedEnumInNullableColumn_IsOmitted()
    {
        var c = Base().Add("loan", "x_enum", TestContract.App, "x", "int", mt: "enum", nullable: true).Enum("x_enum", new JsonObject { ["A"] = 1 });
        Assert.False(Row(c, "x=\"B\"").ContainsKey("x_enum"));
    }

    [Fact] // ENUM-3: no match, NOT NULL with default → typed default
    public void UnmatchedEnumInNotNullColumn_GetsTheTypedDefault()
    {
        var c = Base().Add("loan", "x_enum", TestContract.App, "x", "int", mt: "enum", dflt: "99").Enum("x_enum", new JsonObject { ["A"] = 1 });
        Assert.Equal(99L, Row(c, "x=\"B\"")["x_enum"]);
    }

    [Fact] // ENUM-3, DEFAULT-2: no match, NOT NULL, no default → omitted with warning
    public void UnmatchedEnumWithoutDefault_IsOmittedWithAWarning()
    {
        var c = Base().Add("loan", "x_enum", TestContract.App, "x", "int", mt: "enum").Enum("x_enum", new JsonObject { ["A"] = 1 });
        var r = c.Map(Doc.Xml(appAttrs: "k=\"1\" x=\"B\""));
        Assert.False(r.Single("loan").ContainsKey("x_enum"));
        Assert.Contains(r.Warnings, w => w.Contains("x_enum") && w.Contains("loan"));
    }

    [Fact] // TOKEN-2 [calculated_field, enum]: NULL result → enum of the raw attribute; non-null result skips the enum
    public void CalculatedThenEnum()
    {
        var c = Base().Add("loan", "who_enum", TestContract.App, "code", "int", mt: "calculated_field, enum", nullable: true,
                expression: "CASE WHEN name LIKE 'abbey%' THEN 1 END")
            .Enum("who_enum", new JsonObject { ["6009"] = 42 });
        Assert.Equal(1L, Row(c, "name=\"Abbey H\" code=\"6009\"")["who_enum"]);
        Assert.Equal(42L, Row(c, "name=\"Zed\" code=\"6009\"")["who_enum"]);
        Assert.False(Row(c, "name=\"Zed\" code=\"1\"").ContainsKey("who_enum"));
    }

    [Fact] // ENUM-3, ENUM-4: an empty map counts as no map → value omitted (RL priority_enum)
    public void EmptyMap_Omitted()
    {
        var c = Base().Add("loan", "priority_enum", TestContract.App, "p", "int", mt: "enum", nullable: true).Enum("priority_enum", new JsonObject());
        Assert.False(Row(c, "p=\"X\"").ContainsKey("priority_enum"));
    }
}

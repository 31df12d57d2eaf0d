using System.Text.Json.Nodes;

namespace XmlShred.Tests.Conformance;

public class GoldenComparerTests
{
    private static JsonObject Doc(string tables, string outcome = "mapped") =>
        JsonNode.Parse($$"""{"outcome": "{{outcome}}", "tables": {{tables}}}""")!.AsObject();

    [Fact]
    public void Compare_NullEqualsMissing_AndRowOrderDoesNotMatter()
    {
        var expected = Doc("""{"t": [{"a": 1, "b": null}, {"a": 2}]}""");
        var actual = Doc("""{"t": [{"a": 2, "c": null}, {"a": 1}]}""");
        Assert.Null(GoldenComparer.Compare("s", expected, actual));
    }

    [Fact]
    public void Compare_ReportsSampleTableRowColumnExpectedAndActual()
    {
        var expected = Doc("""{"t": [{"a": 1, "b": "10.00"}]}""");
        var actual = Doc("""{"t": [{"a": 1, "b": "10.0"}]}""");
        Assert.Equal("s: t[0].b: expected \"10.00\" but was \"10.0\"", GoldenComparer.Compare("s", expected, actual)!.Trim());
    }

    [Fact]
    public void Compare_DetectsMissingTablesExtraRowsAndOutcome()
    {
        Assert.Contains("expected row missing", GoldenComparer.Compare("s", Doc("""{"t": [{"a": 1}]}"""), Doc("{}")));
        Assert.Contains("unexpected row", GoldenComparer.Compare("s", Doc("{}"), Doc("""{"t": [{"a": 1}]}""")));
        Assert.Contains("outcome", GoldenComparer.Compare("s", Doc("{}"), Doc("{}", "rejected")));
    }
}

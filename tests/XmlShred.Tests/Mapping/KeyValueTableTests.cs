namespace XmlShred.Tests.Mapping;

/// <summary>Key/value tables: scores, indicators, history (from the primary contact, CONTACT-4), report lookups (KV-1 to KV-5).</summary>
public class KeyValueTableTests
{
    private const string Prod = TestContract.App + "/prod";

    [Theory] // KV-2: generic conversion of the score; "0" is a row; unparseable → no row
    [InlineData("978.14", 978L)]
    [InlineData("1,234", 1234L)]
    [InlineData("0", 0L)]
    [InlineData("1e3", 1000L)]
    public void Scores(string value, long expected)
    {
        var c = new TestContract().AppId().Add("scores", "", Prod, "fico", "int", mt: "add_score(FICO_X)", nullable: true);
        var row = c.Map(Doc.Xml($"<prod fico=\"{value}\"/>")).Single("scores");
        Assert.Equal("FICO_X", row["score_identifier"]);
        Assert.Equal(expected, row["score"]);
        Assert.Equal(1L, row["app_id"]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    public void Scores_NoValue_NoRow(string value)
    {
        var c = new TestContract().AppId().Add("scores", "", Prod, "fico", "int", mt: "add_score(F)", nullable: true);
        Assert.False(c.Map(Doc.Xml($"<prod fico=\"{value}\"/>")).Has("scores"));
    }

    [Theory] // KV-3: only y/yes/true/t/1 (trimmed, CI) give a row with value "1"
    [InlineData(" YES ", true)]
    [InlineData("t", true)]
    [InlineData("1", true)]
    [InlineData("N", false)]
    [InlineData("2", false)]
    public void Indicators(string value, bool row)
    {
        var c = new TestContract().AppId().Add("indicators", "", Prod, "flag", mt: "add_indicator(Fraud)", nullable: true);
        var r = c.Map(Doc.Xml($"<prod flag=\"{value}\"/>"));
        if (!row) { Assert.False(r.Has("indicators")); return; }
        var x = r.Single("indicators");
        Assert.Equal("Fraud", x["indicator"]);
        Assert.Equal("1", x["value"]);
    }

    [Theory] // KV-4: name "[attr]", source "[last segment]", meaningful value only
    [InlineData("222", true)]
    [InlineData("0", true)]
    [InlineData(" NULL ", false)]
    [InlineData("None", false)]
    [InlineData("", false)]
    public void History(string value, bool row)
    {
        var c = new TestContract().AppId().Add("app_historical_lookup", "", Prod, "risk_JH", mt: "add_history", nullable: true);
        var r = c.Map(Doc.Xml($"<prod risk_JH=\"{value}\"/>"));
        if (!row) { Assert.False(r.Has("app_historical_lookup")); return; }
        var x = r.Single("app_historical_lookup");
        Assert.Equal("[risk_JH]", x["name"]);
        Assert.Equal("[prod]", x["source"]);
        Assert.Equal(value.Trim(), x["value"]);
    }

    [Fact] // KV-4, CONTACT-4, READ-4: contact-level history reads the primary (last valid PR), not the last contact element
    public void ContactLevelHistory_ReadsThePrimaryContact_NotTheLastContactElement()
    {
        var c = new TestContract().AppId().Add("app_historical_lookup", "", TestContract.Person, "street", mt: "add_history", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", attrs: "street=\"MAIN\"") + "<person con_id=\"2\" role=\"WEIRD\" first_name=\"W\" street=\"ODD\"/>"));
        var x = r.Single("app_historical_lookup");
        Assert.Equal("MAIN", x["value"]);
        Assert.Equal("[person]", x["source"]);
    }

    [Fact] // KV-4, TOKEN-8: [last_valid_pr_contact, add_history] history fallback to an earlier valid PR
    public void History_LastValidPrFallback()
    {
        var c = new TestContract().AppId().Add("app_historical_lookup", "", TestContract.Person, "dl", mt: "last_valid_pr_contact, add_history", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", attrs: "dl=\"OLD\"") + Doc.Person("2", attrs: "dl=\"none\"")));
        Assert.Equal("OLD", r.Single("app_historical_lookup")["value"]);
    }

    [Fact] // KV-4: no primary → no history row from a foreign-role contact
    public void ContactLevelHistory_WithoutPrimaryContact_GivesNoRow()
    {
        var c = new TestContract().AppId().Add("app_historical_lookup", "", TestContract.Person, "street", mt: "add_history", nullable: true);
        Assert.False(c.Map(Doc.Xml("<person con_id=\"2\" role=\"AUTHU\" first_name=\"W\" street=\"ODD\"/>")).Has("app_historical_lookup"));
    }

    [Fact] // KV-5: name = xml_attribute; source_report_key only with parentheses ("" for empty ones)
    public void ReportLookup()
    {
        var c = new TestContract().AppId()
            .Add("app_report_results_lookup", "", Prod, "a", mt: "add_report_lookup(RPT)", nullable: true)
            .Add("app_report_results_lookup", "", Prod, "b", mt: "add_report_lookup", nullable: true)
            .Add("app_report_results_lookup", "", Prod, "c", mt: "add_report_lookup()", nullable: true)
            .Add("app_report_results_lookup", "", Prod, "d", mt: "add_report_lookup(X)", nullable: true);
        var rows = c.Map(Doc.Xml("<prod a=\" va \" b=\"vb\" c=\"vc\" d=\"null\"/>")).Rows("app_report_results_lookup");
        Assert.Equal(3, rows.Count);
        Assert.Equal(("a", "va", "RPT"), ((string?)rows[0]["name"], (string?)rows[0]["value"], (string?)rows[0]["source_report_key"]));
        Assert.Equal("b", rows[1]["name"]);
        Assert.Null(rows[1].Get("source_report_key"));
        Assert.Equal("", rows[2]["source_report_key"]);
    }

    [Fact] // KV-1: only the first token of a family is used
    public void OnlyFirstTokenOfFamily()
    {
        var c = new TestContract().AppId().Add("scores", "", Prod, "s", "int", mt: "add_score(A), add_score(B)", nullable: true);
        var row = c.Map(Doc.Xml("<prod s=\"5\"/>")).Single("scores");
        Assert.Equal("A", row["score_identifier"]);
    }

    [Fact] // OUTPUT-6 in-document upsert: one history row per (name, source)
    public void History_OneRowPerKey()
    {
        var c = new TestContract().AppId()
            .Add("app_historical_lookup", "", Prod, "a", mt: "add_history", nullable: true)
            .Add("app_historical_lookup", "", Prod, "a", mt: "add_history", nullable: true);
        Assert.Single(c.Map(Doc.Xml("<prod a=\"1\"/>")).Rows("app_historical_lookup"));
    }
}

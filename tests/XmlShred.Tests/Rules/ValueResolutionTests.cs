namespace XmlShred.Tests.Rules;

/// <summary>§4.2 value resolution [V-1]..[V-5], [V-3a] [F14]; §5.7 / §5.10 extractors.</summary>
public class ValueResolutionTests
{
    [Fact] // V-5: Path Map lookup of xml_path + attribute, trimmed
    public void V5_PathMapLookup()
    {
        var c = new TestContract().AppId().Add("loan", "name", TestContract.App + "/prod", "name");
        Assert.Equal("P", c.Map(Doc.Xml("<prod name=\"  P \"/>")).Single("loan")["name"]);
    }

    [Fact] // V-1: the extractor beats the path
    public void V1_ExtractorWins()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "tag", TestContract.Person, "tag", mt: "last_valid_pr_contact", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", attrs: "tag=\"pr\"") + "<person con_id=\"2\" role=\"AUTHU\" first_name=\"A\" tag=\"au\"/>", appAttrs: "k=\"1\""));
        Assert.Equal("pr", r.Single("loan")["tag"]);
    }

    [Fact] // V-3: app_contact_base entry on exactly /Provenir/Request/CustData/application reads the app element for every contact
    public void V3_ApplicationAttributeOnEveryContact()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "consent", TestContract.App, "consent")
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var rows = c.Map(Doc.Xml(Doc.Person("1", attrs: "consent=\"no\"") + Doc.Person("2"), appAttrs: "consent=\"yes\"")).Rows("app_contact_base");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("yes", r["consent"]));
    }

    [Fact] // V-4: contact-table paths read the current contact (exact then CI attribute name)
    public void V4_ContactContext()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "last", TestContract.Person, "last_name", nullable: true);
        var rows = c.Map(Doc.Xml(Doc.Person("1", attrs: "LAST_NAME=\"L1\"") + Doc.Person("2", attrs: "last_name=\"L2\""))).Rows("app_contact_base");
        Assert.Equal(["L1", "L2"], rows.Select(r => (string?)r["last"]));
    }

    [Fact] // V-3a [F14]: contact paths in app-level tables read the primary contact, not the last element
    public void V3a_ContactPathInAppTable_ReadsPrimary()
    {
        var c = new TestContract().AppId().Add("loan", "dl", TestContract.Person, "dl", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", attrs: "dl=\"GOOD\"") + "<person con_id=\"2\" role=\"WEIRD\" first_name=\"W\" dl=\"BAD\"/><person con_id=\"3\" role=\"PR\" dl=\"SPARSE\"/>"));
        Assert.Equal("GOOD", r.Single("loan")["dl"]);
    }

    [Fact] // V-3a: walk below the contact taking the last direct child per segment
    public void V3a_WalksLastDirectChild()
    {
        var c = new TestContract().AppId().Add("loan", "card", TestContract.Person + "/card", "num", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", inner: "<card num=\"C1\"/><card num=\"C2\"/><x><card num=\"NESTED\"/></x>")));
        Assert.Equal("C2", r.Single("loan")["card"]);
    }

    [Fact] // V-3a: no primary contact → null → the table yields no row
    public void V3a_NoPrimary_IsNull()
    {
        var c = new TestContract().AppId().Add("loan", "dl", TestContract.Person, "dl", nullable: true);
        var r = c.Map(Doc.Xml("<person con_id=\"2\" role=\"AUTHU\" first_name=\"A\" dl=\"AU\"/>"));
        Assert.False(r.Has("loan"));
    }

    [Fact] // V-4 / §4.7.3: address tables read the current child element
    public void V4_AddressContext()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "CITY", nullable: true)
            .Add("app_contact_address", "address_type_enum", TestContract.Addr, "addr_tp", "smallint", mt: "enum")
            .Enum("address_type_enum", new System.Text.Json.Nodes.JsonObject { ["CURR"] = 1, ["PREV"] = 2 });
        var rows = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" city=\"A\"/><person_addr addr_tp=\"PREV\" city=\"B\"/>"))).Rows("app_contact_address");
        Assert.Equal(["A", "B"], rows.Select(r => (string?)r["city"]));
    }

    [Fact] // §5.10 [F13] [F11]: curr_address_only reads this contact's CURR address (CI type), then numbers_only
    public void CurrAddressOnly_PerContact()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_base", "phone", TestContract.Addr, "phone", mt: "curr_address_only, numbers_only", length: 10, nullable: true);
        var rows = c.Map(Doc.Xml(
            Doc.Person("1", inner: "<person_addr addr_tp=\"PREV\" phone=\"111\"/><person_addr addr_tp=\" curr \" phone=\"(801) 555-0100\"/>") +
            Doc.Person("2", inner: "<person_addr addr_tp=\"PREV\" phone=\"222\"/>"))).Rows("app_contact_base");
        Assert.Equal("8015550100", rows[0]["phone"]);
        Assert.Null(rows[1].Get("phone"));
    }

    [Fact] // §5.7 address branch: preferred (CURR, CI) address of the primary contact
    public void LastValidPr_AddressBranch()
    {
        var c = new TestContract().AppId().Add("loan", "city", TestContract.Addr, "city", mt: "last_valid_pr_contact", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"PREV\" city=\"OLD\"/><person_addr addr_tp=\"curr\" city=\"NOW\"/>")));
        Assert.Equal("NOW", r.Single("loan")["city"]);
    }

    [Fact] // §4.3 B: a blank string from an extractor stays "" even for numeric columns (set column)
    public void Extractor_BlankStringStaysEmpty()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "line", TestContract.Person, "line", "smallint", mt: "last_valid_pr_contact", nullable: true);
        var row = c.Map(Doc.Xml(Doc.Person("1", attrs: "line=\"  \""), appAttrs: "k=\"1\"")).Single("loan");
        Assert.True(row.ContainsKey("line"));
        Assert.Equal("", row["line"]);
    }

    [Fact] // §5.7 address branch: first preferred candidate with a non-empty value; truncation [F18] and decimal scale
    public void LastValidPr_AddressBranch_FirstNonEmpty()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "city", TestContract.Addr, "city", mt: "last_valid_pr_contact", length: 3, nullable: true)
            .Add("loan", "amt", TestContract.Addr, "amt", "decimal", mt: "last_valid_pr_contact", length: 1, nullable: true)
            .Add("loan", "nm", TestContract.Person, "last_name", mt: "last_valid_pr_contact", length: 2, nullable: true);
        var row = c.Map(Doc.Xml(Doc.Person("1", attrs: "last_name=\" Smith\"",
            inner: "<person_addr addr_tp=\"PREV\" city=\"PREVCITY\" amt=\"9\"/><person_addr addr_tp=\"CURR\" city=\"\" amt=\"1.25\"/><person_addr addr_tp=\"CURR\" city=\"Boston\"/>"),
            appAttrs: "k=\"1\"")).Single("loan");
        Assert.Equal("Bos", row["city"]);
        Assert.Equal(1.3m, row["amt"]);
        Assert.Equal("Sm", row["nm"]);
    }

    [Fact] // §5.7 card branch: the last app_prod_bcard descendant of the primary
    public void LastValidPr_CardBranch()
    {
        var c = new TestContract().AppId().Add("loan", "lim", TestContract.Person + "/app_prod_bcard", "lim", mt: "last_valid_pr_contact", nullable: true);
        var row = c.Map(Doc.Xml(Doc.Person("1", inner: "<x><app_prod_bcard lim=\"L1\"/></x><app_prod_bcard lim=\"L2\"/>"))).Single("loan");
        Assert.Equal("L2", row["lim"]);
    }

    [Fact] // §8.8 [F14]: contact.* names come from the last valid PR; unprefixed names from the last Path Map element
    public void ExpressionContext_Primary()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "e", TestContract.App, null, mt: "calculated_field", nullable: true, expression: "contact.first_name")
            .Add("loan", "e2", TestContract.App, null, mt: "calculated_field", nullable: true, expression: "first_name");
        var row = c.Map(Doc.Xml(Doc.Person("1", "AUTHU") + Doc.Person("2") + Doc.Person("3") + Doc.Person("4", "AUTHU"), appAttrs: "k=\"1\"")).Single("loan");
        Assert.Equal("F3", row["e"]);
        Assert.Equal("F4", row["e2"]);
        var none = c.Map(Doc.Xml(Doc.Person("1", "AUTHU"), appAttrs: "k=\"1\"")).Single("loan");
        Assert.False(none.ContainsKey("e")); // no primary → no contact.* keys
    }
}

namespace XmlShred.Tests.Mapping;

/// <summary>Where an entry's input comes from (READ-1 to READ-6) and the contact extractors (TOKEN-8 to TOKEN-11).</summary>
public class ValueResolutionTests
{
    [Fact] // READ-6: Path Map lookup of xml_path + attribute, trimmed
    public void PlainPath_ReadsTheAttributeOfTheLastElementWithThatPath_Trimmed()
    {
        var c = new TestContract().AppId().Add("loan", "name", TestContract.App + "/prod", "name");
        Assert.Equal("P", c.Map(Doc.Xml("<prod name=\"  P \"/>")).Single("loan")["name"]);
    }

    [Fact] // READ-1: the extractor beats the path
    public void ExtractorToken_IsReadInsteadOfThePath()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "tag", TestContract.Person, "tag", mt: "last_valid_pr_contact", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", attrs: "tag=\"pr\"") + "<person con_id=\"2\" role=\"AUTHU\" first_name=\"A\" tag=\"au\"/>", appAttrs: "k=\"1\""));
        Assert.Equal("pr", r.Single("loan")["tag"]);
    }

    [Fact] // READ-3: app_contact_base entry on exactly /Provenir/Request/CustData/application reads the app element for every contact
    public void ContactTableEntryOnTheApplicationElement_GivesEveryContactTheSameValue()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "consent", TestContract.App, "consent")
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var rows = c.Map(Doc.Xml(Doc.Person("1", attrs: "consent=\"no\"") + Doc.Person("2"), appAttrs: "consent=\"yes\"")).Rows("app_contact_base");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("yes", r["consent"]));
    }

    [Fact] // READ-5: contact-table paths read the current contact (exact then CI attribute name)
    public void ContactTablePath_ReadsTheCurrentContact_ExactThenCaseInsensitiveName()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "last", TestContract.Person, "last_name", nullable: true);
        var rows = c.Map(Doc.Xml(Doc.Person("1", attrs: "LAST_NAME=\"L1\"") + Doc.Person("2", attrs: "last_name=\"L2\""))).Rows("app_contact_base");
        Assert.Equal(["L1", "L2"], rows.Select(r => (string?)r["last"]));
    }

    [Fact] // READ-4, CONTACT-4: contact paths in app-level tables read the primary contact, not the last element
    public void ContactPathInApplicationTable_ReadsThePrimaryContact_NotTheLastContactElement()
    {
        var c = new TestContract().AppId().Add("loan", "dl", TestContract.Person, "dl", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", attrs: "dl=\"GOOD\"") + "<person con_id=\"2\" role=\"WEIRD\" first_name=\"W\" dl=\"BAD\"/><person con_id=\"3\" role=\"PR\" dl=\"SPARSE\"/>"));
        Assert.Equal("GOOD", r.Single("loan")["dl"]);
    }

    [Fact] // READ-4: walk below the contact taking the last direct child per segment
    public void ContactPathInApplicationTable_WalksTheLastDirectChildPerSegment()
    {
        var c = new TestContract().AppId().Add("loan", "card", TestContract.Person + "/card", "num", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", inner: "<card num=\"C1\"/><card num=\"C2\"/><x><card num=\"NESTED\"/></x>")));
        Assert.Equal("C2", r.Single("loan")["card"]);
    }

    [Fact] // READ-4: no primary contact → null → the table yields no row
    public void ContactPathInApplicationTable_WithoutPrimaryContact_IsNullAndTheRowIsDropped()
    {
        var c = new TestContract().AppId().Add("loan", "dl", TestContract.Person, "dl", nullable: true);
        var r = c.Map(Doc.Xml("<person con_id=\"2\" role=\"AUTHU\" first_name=\"A\" dl=\"AU\"/>"));
        Assert.False(r.Has("loan"));
    }

    [Fact] // READ-5, CHILD-2: address tables read the current child element
    public void AddressTablePath_ReadsTheCurrentAddressElement()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "CITY", nullable: true)
            .Add("app_contact_address", "address_type_enum", TestContract.Addr, "addr_tp", "smallint", mt: "enum")
            .Enum("address_type_enum", new System.Text.Json.Nodes.JsonObject { ["CURR"] = 1, ["PREV"] = 2 });
        var rows = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" city=\"A\"/><person_addr addr_tp=\"PREV\" city=\"B\"/>"))).Rows("app_contact_address");
        Assert.Equal(["A", "B"], rows.Select(r => (string?)r["city"]));
    }

    [Fact] // TOKEN-11, FILTER-2, FILTER-3: curr_address_only reads this contact's CURR address (CI type), then numbers_only
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

    [Fact] // TOKEN-8 address branch: preferred (CURR, CI) address of the primary contact
    public void LastValidPr_AddressBranch()
    {
        var c = new TestContract().AppId().Add("loan", "city", TestContract.Addr, "city", mt: "last_valid_pr_contact", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"PREV\" city=\"OLD\"/><person_addr addr_tp=\"curr\" city=\"NOW\"/>")));
        Assert.Equal("NOW", r.Single("loan")["city"]);
    }

    [Fact] // CHAIN-2: a blank string from an extractor stays "" even for numeric columns (set column)
    public void Extractor_BlankStringStaysEmpty()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "line", TestContract.Person, "line", "smallint", mt: "last_valid_pr_contact", nullable: true);
        var row = c.Map(Doc.Xml(Doc.Person("1", attrs: "line=\"  \""), appAttrs: "k=\"1\"")).Single("loan");
        Assert.True(row.ContainsKey("line"));
        Assert.Equal("", row["line"]);
    }

    [Fact] // TOKEN-8 address branch: first preferred candidate with a non-empty value; truncation (VALUE-7) and decimal scale
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

    [Fact] // TOKEN-8 card branch: the last app_prod_bcard descendant of the primary
    public void LastValidPr_CardBranch()
    {
        var c = new TestContract().AppId().Add("loan", "lim", TestContract.Person + "/app_prod_bcard", "lim", mt: "last_valid_pr_contact", nullable: true);
        var row = c.Map(Doc.Xml(Doc.Person("1", inner: "<x><app_prod_bcard lim=\"L1\"/></x><app_prod_bcard lim=\"L2\"/>"))).Single("loan");
        Assert.Equal("L2", row["lim"]);
    }

    [Fact] // EXPR-10, CONTACT-4: contact.* names come from the last valid PR; unprefixed names from the last Path Map element
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

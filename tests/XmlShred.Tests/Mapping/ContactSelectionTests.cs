namespace XmlShred.Tests.Mapping;

/// <summary>Contacts: discovery (CONTACT-1), validity (CONTACT-2), de-duplication (CONTACT-3), the special selections (CONTACT-4 to CONTACT-7).</summary>
public class ContactSelectionTests
{
    private static TestContract Contacts() => new TestContract().AppId()
        .Add("app_contact_base", "first_name", TestContract.Person, "first_name", nullable: true)
        .Add("app_contact_base", "tag", TestContract.Person, "tag", nullable: true);

    private static List<Dictionary<string, object?>> ContactRows(string inner) => Contacts().Map(Doc.Xml(inner)).Rows("app_contact_base");

    [Theory] // CONTACT-2, VALUE-9: con_id trimmed ASCII digits, 1..999999999, written as Int
    [InlineData(" 12 ", 12L)]
    [InlineData("0012", 12L)]
    [InlineData("999999999", 999999999L)]
    public void ValidConIds_AreNormalizedToIntegers(string conId, long expected)
    {
        var row = Assert.Single(ContactRows($"<person con_id=\"{conId}\" role=\"PR\" first_name=\"A\"/>"));
        Assert.Equal(expected, row["con_id"]);
    }

    [Theory] // CONTACT-2, VALUE-9: invalid con_ids make the contact invalid
    [InlineData("+5")]
    [InlineData("1_000")]
    [InlineData("0")]
    [InlineData("１２")]
    [InlineData("1000000000")]
    [InlineData("")]
    [InlineData("-3")]
    public void InvalidConIds_MakeTheContactInvalid(string conId)
    {
        Assert.Empty(ContactRows($"<person con_id=\"{conId}\" role=\"PR\" first_name=\"A\"/>"));
    }

    [Theory] // CONTACT-2, FILTER-3: role trimmed + CI in the type list
    [InlineData("pr", true)]
    [InlineData(" authu ", true)]
    [InlineData("SEC", false)]
    [InlineData("", false)]
    public void Role_IsMatchedTrimmedAndCaseInsensitive(string role, bool valid)
    {
        var rows = ContactRows($"<person con_id=\"1\" role=\"{role}\" first_name=\"A\"/>");
        Assert.Equal(valid ? 1 : 0, rows.Count);
    }

    [Theory] // CONTACT-2: meaningful = one of birth_date, first_name, last_name, ssn non-blank (exact names)
    [InlineData("ssn=\"1\"", true)]
    [InlineData("birth_date=\"x\"", true)]
    [InlineData("last_name=\"L\"", true)]
    [InlineData("first_name=\"  \"", false)]
    [InlineData("FIRST_NAME=\"A\"", false)]
    [InlineData("tag=\"t\"", false)]
    public void ContactWithoutIdentifyingData_IsNotValid(string attrs, bool valid)
    {
        var rows = ContactRows($"<person con_id=\"1\" role=\"PR\" {attrs}/>");
        Assert.Equal(valid ? 1 : 0, rows.Count);
    }

    [Fact] // CONTACT-3: lower-or-equal priority replaces; the key keeps its first position
    public void SharedConId_KeepsTheBestPriorityRole_AtTheFirstPosition()
    {
        var rows = ContactRows(
            "<person con_id=\"1\" role=\"AUTHU\" first_name=\"Au\"/>" +
            "<person con_id=\"2\" role=\"PR\" first_name=\"Two\"/>" +
            "<person con_id=\"1\" role=\"PR\" first_name=\"Pr\"/>" +
            "<person con_id=\"1\" role=\"AUTHU\" first_name=\"Au2\"/>");
        Assert.Equal(2, rows.Count);
        Assert.Equal(1L, rows[0]["con_id"]);
        Assert.Equal("Pr", rows[0]["first_name"]);
        Assert.Equal("Two", rows[1]["first_name"]);
    }

    [Fact] // CONTACT-3, FILTER-3: ties (PR vs pr) → last wins
    public void SharedConIdWithEqualPriority_TheLaterContactWins()
    {
        var rows = ContactRows("<person con_id=\"1\" role=\"PR\" first_name=\"A\"/><person con_id=\"1\" role=\"pr\" first_name=\"B\"/>");
        Assert.Equal("B", Assert.Single(rows)["first_name"]);
    }

    [Fact] // CONTACT-3: key is the trimmed con_id text
    public void DeduplicationKey_IsTheTrimmedConId()
    {
        var rows = ContactRows("<person con_id=\"7\" role=\"PR\" first_name=\"A\"/><person con_id=\" 7 \" role=\"PR\" first_name=\"B\"/>");
        Assert.Equal("B", Assert.Single(rows)["first_name"]);
    }

    [Fact] // CONTACT-1: contacts anywhere in the document
    public void ContactsAnywhereInTheDocument_AreFound()
    {
        var xml = "<Provenir><Request ID=\"1\"><CustData><application/><person con_id=\"3\" role=\"PR\" first_name=\"X\"/></CustData></Request></Provenir>";
        var r = Contacts().Map(xml);
        Assert.Equal(3L, r.Single("app_contact_base")["con_id"]);
    }

    [Fact] // CONTACT-1: elements named like the contact element only (the neutral name, not "contact")
    public void OnlyElementsNamedLikeTheContractsContactElement_AreContacts()
    {
        Assert.Empty(ContactRows("<contact con_id=\"1\" role=\"PR\" first_name=\"A\"/>"));
    }

    [Fact] // CONTACT-4: primary = last VALID PR (a later sparse PR does not qualify)
    public void PrimaryContact_IsTheLastValidPrimaryRole_NotALaterSparseOne()
    {
        var c = new TestContract().AppId().Add("loan", "tag", TestContract.Person, "tag", mt: "last_valid_pr_contact", nullable: true).Add("loan", "k", TestContract.App, "k");
        var r = c.Map(Doc.Xml(
            "<person con_id=\"1\" role=\"PR\" first_name=\"A\" tag=\"one\"/>" +
            "<person con_id=\"2\" role=\"PR\" first_name=\"B\" tag=\"two\"/>" +
            "<person con_id=\"3\" role=\"PR\" tag=\"sparse\"/>" +
            "<person con_id=\"4\" role=\"AUTHU\" first_name=\"C\" tag=\"authu\"/>", appAttrs: "k=\"1\""));
        Assert.Equal("two", r.Single("loan")["tag"]);
    }

    [Fact] // CONTACT-4: no valid PR → null (column omitted)
    public void WithoutValidPrimaryContact_PrimaryReadsAreOmitted()
    {
        var c = new TestContract().AppId().Add("loan", "tag", TestContract.Person, "tag", mt: "last_valid_pr_contact", nullable: true).Add("loan", "k", TestContract.App, "k");
        var r = c.Map(Doc.Xml("<person con_id=\"x\" role=\"PR\" first_name=\"A\" tag=\"bad\"/>", appAttrs: "k=\"1\""));
        Assert.Null(r.Single("loan").Get("tag"));
    }

    [Fact] // CONTACT-5 secondary contact: last with role type[1]
    public void SecondaryContact_IsLastWithSecondRole()
    {
        var c = new TestContract().AppId().Add("loan", "tag", TestContract.Person, "tag", mt: "last_valid_sec_contact", nullable: true);
        var r = c.Map(Doc.Xml(
            "<person con_id=\"1\" role=\"AUTHU\" tag=\"s1\"/><person con_id=\"2\" role=\"authu\" tag=\"s2\"/><person con_id=\"3\" role=\"PR\" first_name=\"P\" tag=\"p\"/>"));
        Assert.Equal("s2", r.Single("loan")["tag"]);
    }

    [Theory] // CONTACT-6: authu_contact needs a con_id; char_to_bit of its attribute
    [InlineData("<person con_id=\"5\" role=\"AUTHU\" issue=\"Y\"/>", 1L)]
    [InlineData("<person con_id=\"5\" role=\"authu\" issue=\"\"/>", 0L)]
    [InlineData("<person role=\"AUTHU\" issue=\"Y\"/>", null)]
    [InlineData("<person con_id=\"5\" role=\"AUTHU\"/>", null)]
    [InlineData("<contact con_id=\"5\" role=\"AUTHU\" issue=\"Y\"/>", null)]
    public void AuthorizedUserFlag_NeedsAConId_AndConvertsItsAttribute(string contact, long? expected)
    {
        var c = new TestContract().AppId()
            .Add("loan", "k", TestContract.App, "k")
            .Add("loan", "issue_flag", TestContract.Person, "issue", "bit", mt: "authu_contact, char_to_bit", nullable: true);
        var row = c.Map(Doc.Xml("<person con_id=\"1\" role=\"PR\" first_name=\"P\" issue=\"N\"/>" + contact, appAttrs: "k=\"1\"")).Single("loan");
        Assert.Equal(expected, row.Get("issue_flag"));
    }

    [Fact] // REJECT-4, REJECT-5: contact warnings once each, names and codes from the contract's filter rule
    public void ContactWarnings_AppearOnce_WithTheContractsNamesAndCodes()
    {
        var r = Contacts().Map(Doc.Xml(
            "<person con_id=\"1\" role=\"XX\" first_name=\"A\"/><person role=\"PR\" first_name=\"B\"/>" + Doc.Person("3")));
        Assert.Single(r.Warnings, w => w == "Skipping contact - Contact 1: Invalid role value: XX (must be one of PR, AUTHU)");
        Assert.Single(r.Warnings, w => w == "Skipping contact - Contact 2: Missing required attributes: con_id");
        Assert.DoesNotContain(r.Warnings, w => w.Contains("ac_role_tp_c") || w.Contains("address_tp_c"));
    }
}

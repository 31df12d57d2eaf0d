using System.Text.Json.Nodes;

namespace XmlShred.Tests.Mapping;

/// <summary>Address and employment rows (CHILD-1 to CHILD-4), with conditional defaults (DEFAULT-4) and the first row per key (OUTPUT-6).</summary>
public class ChildRowTests
{
    private static TestContract Contract() => new TestContract().AppId()
        .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
        .Add("app_contact_address", "city", TestContract.Addr, "city", length: 20, nullable: true, dflt: "MISSING", excludeWhenEmpty: true)
        .Add("app_contact_address", "state", TestContract.Addr, "state", length: 2, nullable: true, dflt: "XX", excludeWhenEmpty: true)
        .Add("app_contact_address", "zip", TestContract.Addr, "zip", mt: "numbers_only", length: 5, nullable: true, dflt: "00000", excludeWhenEmpty: true)
        .Add("app_contact_address", "country", TestContract.Addr, "country", nullable: true)
        .Add("app_contact_address", "address_type_enum", TestContract.Addr, "addr_tp", "smallint", mt: "enum")
        .Add("app_contact_employment", "business_name", TestContract.Job, "business_name", nullable: true)
        .Add("app_contact_employment", "monthly_salary", TestContract.Job, "salary", "decimal", length: 2, nullable: true)
        .Add("app_contact_employment", "employment_type_enum", TestContract.Job, "job_tp", "smallint", mt: "enum")
        .Enum("address_type_enum", new JsonObject { ["CURR"] = 320, ["PREV"] = 321 })
        .Enum("employment_type_enum", new JsonObject { ["CURR"] = 350, ["PREV"] = 351 });

    [Fact] // CHILD-2, DEFAULT-4: blank PREV address loses its conditional defaults and is dropped; CURR keeps NOT-NULL-like defaults
    public void BlankPreviousAddress_LosesConditionalDefaultsAndIsDropped_CurrentAddressKept()
    {
        var r = Contract().Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"PREV\"/><person_addr addr_tp=\"CURR\" city=\"X\"/>")));
        var row = Assert.Single(r.Rows("app_contact_address"));
        Assert.Equal("X", row["city"]);
        Assert.Equal(320L, row["address_type_enum"]);
        Assert.Equal("XX", row["state"]);
        Assert.Equal("00000", row["zip"]);
        Assert.Equal(1L, row["con_id"]);
    }

    [Fact] // OUTPUT-3: address/employment rows carry no app_id
    public void ChildRows_HaveNoAppId()
    {
        var r = Contract().Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" city=\"X\"/><person_job job_tp=\"CURR\" business_name=\"B\"/>")));
        Assert.DoesNotContain("app_id", r.Tables.Single(t => t.Name == "app_contact_address").Columns);
        Assert.DoesNotContain("app_id", r.Tables.Single(t => t.Name == "app_contact_employment").Columns);
        Assert.Contains("app_id", r.Tables.Single(t => t.Name == "app_contact_base").Columns);
    }

    [Theory] // CHILD-2, FILTER-3: required_attributes trimmed + CI; unknown type dropped
    [InlineData(" curr ", 1)]
    [InlineData("prev", 1)]
    [InlineData("HOME", 0)]
    [InlineData("", 0)]
    public void AddressTypeFilter_MatchesTrimmedCaseInsensitive_UnknownTypeDropped(string type, int rows)
    {
        var r = Contract().Map(Doc.Xml(Doc.Person("1", inner: $"<person_addr addr_tp=\"{type}\" city=\"X\"/>")));
        Assert.Equal(rows, r.Rows("app_contact_address").Count);
    }

    [Fact] // CHILD-2: only direct children of the contact
    public void OnlyDirectChildrenOfTheContact_GiveAddressRows()
    {
        var r = Contract().Map(Doc.Xml(Doc.Person("1", inner: "<wrap><person_addr addr_tp=\"CURR\" city=\"X\"/></wrap>")));
        Assert.False(r.Has("app_contact_address"));
    }

    [Fact] // CHILD-3: address without zip/city/street/state data is dropped; a source zip_code keeps it
    public void AddressWithoutRealData_IsDropped_ASourceZipCodeKeepsIt()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "country", TestContract.Addr, "country", nullable: true)
            .Add("app_contact_address", "kind", TestContract.Addr, "addr_tp");
        var r = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" country=\"US\"/>")));
        Assert.False(r.Has("app_contact_address"));
        var r2 = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" country=\"US\" zip_code=\"1\"/>")));
        Assert.Equal("US", Assert.Single(r2.Rows("app_contact_address"))["country"]);
    }

    [Fact] // CHILD-3, DEFAULT-6: with 2 real columns the flagged defaults stay, and a defaulted city counts for CHILD-3
    public void AddressWithTwoRealColumns_KeepsItsFlaggedDefaults()
    {
        var r = Contract().Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" country=\"US\"/>")));
        var row = Assert.Single(r.Rows("app_contact_address"));
        Assert.Equal("MISSING", row["city"]);
        Assert.Equal("US", row["country"]);
    }

    [Fact] // CHILD-4: employment meaningful by non-zero monthly_salary; zero salary only → dropped
    public void EmploymentWithOnlyZeroSalary_IsDropped_NonZeroSalaryKeepsIt()
    {
        var r = Contract().Map(Doc.Xml(Doc.Person("1", inner: "<person_job job_tp=\"CURR\" salary=\"100\"/><person_job job_tp=\"PREV\" salary=\"0\"/>")));
        var row = Assert.Single(r.Rows("app_contact_employment"));
        Assert.Equal(100.00m, row["monthly_salary"]);
        Assert.Equal(350L, row["employment_type_enum"]);
    }

    [Fact] // CHILD-2: child rows only from the winning element of a con_id
    public void SharedConId_ChildRowsComeOnlyFromTheWinningContact()
    {
        var r = Contract().Map(Doc.Xml(
            "<person con_id=\"1\" role=\"AUTHU\" first_name=\"A\"><person_addr addr_tp=\"CURR\" city=\"AUCITY\"/></person>" +
            "<person con_id=\"1\" role=\"PR\" first_name=\"P\"><person_addr addr_tp=\"CURR\" city=\"PRCITY\"/></person>"));
        Assert.Equal("P", r.Single("app_contact_base")["first_name"]);
        Assert.Equal("PRCITY", Assert.Single(r.Rows("app_contact_address"))["city"]);
    }

    [Fact] // CHILD-2: a contact outside the application element still gets its children
    public void ContactOutsideTheApplicationElement_StillGetsItsChildRows()
    {
        var xml = "<Provenir><Request ID=\"1\"><CustData><application/>" + Doc.Person("4", inner: "<person_addr addr_tp=\"CURR\" city=\"Z\"/><person_job job_tp=\"CURR\" business_name=\"B\"/>") + "</CustData></Request></Provenir>";
        var r = Contract().Map(xml);
        Assert.Equal(4L, Assert.Single(r.Rows("app_contact_address"))["con_id"]);
        Assert.Equal(4L, Assert.Single(r.Rows("app_contact_employment"))["con_id"]);
    }

    [Fact] // OUTPUT-6 in-document: first row per (con_id, address_type_enum)
    public void FirstRowPerKey_WithinDocument()
    {
        var r = Contract().Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" city=\"ONE\"/><person_addr addr_tp=\"CURR\" city=\"TWO\"/><person_addr addr_tp=\"PREV\" city=\"OLD\"/>")));
        var rows = r.Rows("app_contact_address");
        Assert.Equal(["ONE", "OLD"], rows.Select(x => (string?)x["city"]));
    }

    [Fact] // CHILD-1 step 2: no valid contacts → no child rows, soft errors
    public void NoValidContacts_NoChildRows_SoftErrors()
    {
        var r = Contract().Map(Doc.Xml("<person con_id=\"1\" role=\"XX\" first_name=\"A\"><person_addr addr_tp=\"CURR\" city=\"X\"/></person>"));
        Assert.False(r.Has("app_contact_address"));
        Assert.Contains("Address filtering: Application 1 has no valid contacts", r.Warnings);
        Assert.Contains("Employment filtering: Application 1 has no valid contacts", r.Warnings);
        Assert.True(r.Has("app_base"));
    }
}

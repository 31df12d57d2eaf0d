using System.Text.Json.Nodes;

namespace XmlShred.Tests.Mapping;

/// <summary>
/// Spec behaviour the rule tests once caught the engine contradicting (no employment rule, address keys without a
/// type column, the app id of an REJECT-3 rejection, the application table not listed first, missing REJECT-5 warnings).
/// </summary>
public class EngineRegressionTests
{
    [Fact]
    public void NoEmploymentRule_NoEmploymentRows()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "city", nullable: true)
            .Add("app_contact_employment", "business_name", TestContract.Job, "business_name", nullable: true);
        c.WithEmploymentRule = false;
        var r = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_job job_tp=\"CURR\" business_name=\"B\"/><person_addr addr_tp=\"CURR\" city=\"X\"/>")));
        Assert.True(r.Has("app_contact_address"));
        Assert.False(r.Has("app_contact_employment"));
    }

    [Fact]
    public void AddressRowsWithoutTypeColumn_AreNotCollapsedPerContact()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "city", nullable: true);
        var rows = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" city=\"A\"/><person_addr addr_tp=\"PREV\" city=\"B\"/>"))).Rows("app_contact_address");
        Assert.Equal(["A", "B"], rows.Select(r => (string?)r["city"]));
    }

    [Fact]
    public void MissingApplicationElement_RejectionStillNamesTheValidAppId()
    {
        var c = new TestContract().AppId().Add("loan", "x", TestContract.App, "x", nullable: true);
        var r = c.Map("<Provenir><Request ID=\"5\"><CustData><IL_application/></CustData></Request></Provenir>");
        Assert.Equal(XmlShred.Mapping.MappingOutcome.Rejected, r.Outcome);
        Assert.Equal(5L, r.AppId);
    }

    [Fact]
    public void AppBaseNotFirstInOrder_LoadsAndIsNeverDropped()
    {
        var c = new TestContract().AppId().Add("zeta", "z", TestContract.App, "z");
        c.InsertionOrder = ["zeta", "app_base", "processing_log"];
        var r = c.Map(Doc.Xml());
        Assert.Equal(1L, r.Single("app_base")["app_id"]);
        Assert.False(r.Has("zeta"));
    }

    [Fact]
    public void Warnings_MultiplePrimariesAndDuplicateConIds()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var r = c.Map(Doc.Xml(Doc.Person("3") + Doc.Person("3") + Doc.Person("4")));
        Assert.Contains(r.Warnings, w => w.StartsWith("Multiple primary contacts found (", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.StartsWith("Duplicate con_ids found:", StringComparison.Ordinal) && w.Contains('3'));
    }

    [Fact]
    public void Warnings_AddressMissingType()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "city", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("3", inner: "<person_addr city=\"X\"/>")));
        Assert.Contains("Skipping address - Address 0 for con_id 3: Missing addr_tp", r.Warnings);
    }

    [Fact]
    public void Warnings_PrimaryNotMeaningful()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var r = c.Map(Doc.Xml("<person con_id=\"1\" role=\"PR\"/>"));
        Assert.Contains(r.Warnings, w => w.Contains("PRIMARY (PR) contact missing meaningful data"));
    }
}

using System.Text.Json.Nodes;

namespace XmlShred.Tests.Rules;

/// <summary>
/// Spec behaviour the engine currently contradicts (see the test report). Skipped so CI stays green;
/// remove the Skip once the engine is fixed.
/// </summary>
public class SuspectedEngineBugTests
{
    [Fact(Skip = "engine bug: without an employment filter rule, app_contact_employment is built as an application-level table (one row from the Path Map) instead of producing no rows (§1.2 L3.1, §3.5, §4.1)")]
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

    [Fact(Skip = "engine bug: without an address_type_enum column the in-document insert-if-absent rule keys address rows by con_id alone, keeping only the first address per contact (§11.6 key is (con_id, address_type_enum), applied only when both are non-empty)")]
    public void AddressRowsWithoutTypeColumn_AreNotCollapsedPerContact()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "city", nullable: true);
        var rows = c.Map(Doc.Xml(Doc.Person("1", inner: "<person_addr addr_tp=\"CURR\" city=\"A\"/><person_addr addr_tp=\"PREV\" city=\"B\"/>"))).Rows("app_contact_address");
        Assert.Equal(["A", "B"], rows.Select(r => (string?)r["city"]));
    }

    [Fact(Skip = "engine bug: an E4-only rejection (valid Request/@ID) reports AppId null; golden cc/sample-source-xml-wrong-schema--600000.json has app_id 600000 (§0.1 app_id = Request/@ID; §11.3 processing_log.app_id). GoldenComparer does not compare top-level app_id, so the goldens still pass")]
    public void E4Rejection_KeepsValidAppId()
    {
        var c = new TestContract().AppId().Add("loan", "x", TestContract.App, "x", nullable: true);
        var r = c.Map("<Provenir><Request ID=\"5\"><CustData><IL_application/></CustData></Request></Provenir>");
        Assert.Equal(XmlShred.Mapping.MappingOutcome.Rejected, r.Outcome);
        Assert.Equal(5L, r.AppId);
    }

    [Fact(Skip = "engine bug: the root table is the first entry of table_insertion_order, not app_base by name: L3.4 rejects a contract listing app_base second (spec exempts app_base by name), and D-2 'never dropped' applies to Tables[0] instead of app_base")]
    public void AppBaseNotFirstInOrder_LoadsAndIsNeverDropped()
    {
        var c = new TestContract().AppId().Add("zeta", "z", TestContract.App, "z");
        c.InsertionOrder = ["zeta", "app_base", "processing_log"];
        var r = c.Map(Doc.Xml());
        Assert.Equal(1L, r.Single("app_base")["app_id"]);
        Assert.False(r.Has("zeta"));
    }

    [Fact(Skip = "engine gap: §10 warnings 'Multiple primary contacts found (<k>), will process all' and 'Duplicate con_ids found: [<ids>]' are never produced")]
    public void Warnings_MultiplePrimariesAndDuplicateConIds()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var r = c.Map(Doc.Xml(Doc.Person("3") + Doc.Person("3") + Doc.Person("4")));
        Assert.Contains(r.Warnings, w => w.StartsWith("Multiple primary contacts found ("));
        Assert.Contains(r.Warnings, w => w.StartsWith("Duplicate con_ids found:") && w.Contains('3'));
    }

    [Fact(Skip = "engine gap: §10 warning 'Skipping address - Address <i> for con_id <c>: Missing <atype>' is never produced")]
    public void Warnings_AddressMissingType()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "city", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("3", inner: "<person_addr city=\"X\"/>")));
        Assert.Contains("Skipping address - Address 0 for con_id 3: Missing addr_tp", r.Warnings);
    }

    [Fact(Skip = "engine gap: §10 warning 'PRIMARY (PR) contact missing meaningful data (birth_date, first_name, last_name, ssn) - will process application only' is never produced")]
    public void Warnings_PrimaryNotMeaningful()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var r = c.Map(Doc.Xml("<person con_id=\"1\" role=\"PR\"/>"));
        Assert.Contains(r.Warnings, w => w.Contains("PRIMARY (PR) contact missing meaningful data"));
    }
}

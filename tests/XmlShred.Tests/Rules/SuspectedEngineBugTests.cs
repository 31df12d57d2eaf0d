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
}

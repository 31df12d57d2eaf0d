using XmlShred.Tests.Mapping;
using System.Text.Json.Nodes;
using XmlShred.Output;

namespace XmlShred.Tests.Output;

/// <summary>Output: write order (OUTPUT-2), keys (OUTPUT-3), canonical JSON values (OUTPUT-7), purity (OUTPUT-1).</summary>
public class OutputTests
{
    [Fact] // OUTPUT-2: this contract's table_insertion_order, then remaining tables alphabetically
    public void WriteOrder_InsertionOrderThenAlphabetical()
    {
        var c = new TestContract().AppId()
            .Add("scores", "", TestContract.App, "s", "int", mt: "add_score(S)", nullable: true)
            .Add("zeta", "z", TestContract.App, "z")
            .Add("indicators", "", TestContract.App, "i", mt: "add_indicator(I)", nullable: true)
            .Add("alpha", "a", TestContract.App, "a");
        c.InsertionOrder = ["app_base", "zeta", "alpha", "processing_log"];
        var r = c.Map(Doc.Xml(appAttrs: "s=\"1\" z=\"z\" i=\"Y\" a=\"a\""));
        Assert.Equal(["app_base", "zeta", "alpha", "indicators", "scores"], r.Tables.Select(t => t.Name));
    }

    [Fact] // OUTPUT-2: a different contract order gives a different write order
    public void WriteOrder_FollowsContract()
    {
        var c = new TestContract().AppId().Add("zeta", "z", TestContract.App, "z").Add("alpha", "a", TestContract.App, "a");
        c.InsertionOrder = ["app_base", "alpha", "zeta", "processing_log"];
        Assert.Equal(["app_base", "alpha", "zeta"], c.Map(Doc.Xml(appAttrs: "z=\"z\" a=\"a\"")).Tables.Select(t => t.Name));
    }

    [Fact] // OUTPUT-3: app_id replaced in place on app_base, appended on other app tables, absent on child rows
    public void Keys()
    {
        var c = new TestContract()
            .Add("app_base", "rd", TestContract.App, "rd", "datetime", nullable: true)
            .AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "city");
        var r = c.Map(Doc.Xml(Doc.Person("0042", inner: "<person_addr addr_tp=\"CURR\" city=\"C\"/>"), appAttrs: "rd=\"2020-01-01\"", id: "0777"));
        var app = r.Tables.Single(t => t.Name == "app_base");
        Assert.Equal(["rd", "app_id"], app.Columns);
        Assert.Equal(777L, app.Value(app.Rows[0], "app_id"));
        var contact = r.Single("app_contact_base");
        Assert.Equal(42L, contact["con_id"]);
        Assert.Equal(777L, contact["app_id"]);
        var addr = r.Tables.Single(t => t.Name == "app_contact_address");
        Assert.Equal(["city", "con_id"], addr.Columns);
        Assert.Equal(42L, addr.Value(addr.Rows[0], "con_id"));
    }

    [Fact] // OUTPUT-7: golden JSON form — decimals as strings at scale, datetimes canonical, "" → null
    public void MappingJson_CanonicalValues()
    {
        var c = new TestContract().AppId()
            .Add("loan", "amt", TestContract.App, "amt", "decimal", length: 2)
            .Add("loan", "at", TestContract.App, "at", "datetime")
            .Add("loan", "at2", TestContract.App, "at2", "datetime")
            .Add("loan", "blank", TestContract.Person, "b", mt: "last_valid_pr_contact", nullable: true);
        var r = c.Map(Doc.Xml(Doc.Person("1", attrs: "b=\" \""), appAttrs: "amt=\"10\" at=\"2015-11-05 09:02:34.767\" at2=\"2015-11-05\""));
        var json = MappingJson.ToJson(r, "x");
        var row = json["tables"]!["loan"]![0]!.AsObject();
        Assert.Equal("10.00", row["amt"]!.GetValue<string>());
        Assert.Equal("2015-11-05T09:02:34.767000", row["at"]!.GetValue<string>());
        Assert.Equal("2015-11-05T00:00:00", row["at2"]!.GetValue<string>());
        Assert.True(row.ContainsKey("blank"));
        Assert.Null(row["blank"]);
        Assert.Equal(1, json["app_id"]!.GetValue<long>());
        Assert.Equal("mapped", json["outcome"]!.GetValue<string>());
    }

    [Fact] // OUTPUT-7: only tables with rows appear
    public void TablesWithoutRows_Absent()
    {
        var c = new TestContract().AppId().Add("loan", "x", TestContract.App, "x", nullable: true);
        var json = MappingJson.ToJson(c.Map(Doc.Xml()), "x");
        Assert.Equal(["app_base"], json["tables"]!.AsObject().Select(p => p.Key));
    }

    [Fact] // OUTPUT-1: mapping is a pure function — re-mapping gives identical output (no remembered con_ids)
    public void MappingTwice_GivesIdenticalOutput()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var mapper = c.Mapper();
        var xml = Doc.Xml(Doc.Person("5"));
        var first = MappingJson.ToText(mapper.Map(xml), "x");
        var second = MappingJson.ToText(mapper.Map(xml), "x");
        Assert.Equal(first, second);
        Assert.Contains("\"con_id\": 5", second);
    }
}

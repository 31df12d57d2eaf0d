using System.Text.Json.Nodes;
using XmlShred.Contract;

namespace XmlShred.Tests.Mapping;

/// <summary>Defaults, column inclusion and dropping empty rows (DEFAULT-1 to DEFAULT-6), column completion (ROW-4).</summary>
public class InclusionAndDefaultTests
{
    private static Dictionary<string, object?>? LoanRow(TestContract c, string appAttrs)
    {
        var rows = c.Map(Doc.Xml(appAttrs: appAttrs)).Rows("loan");
        return rows.Count == 0 ? null : Assert.Single(rows);
    }

    private static TestContract Loan() => new TestContract().AppId().Add("loan", "k", TestContract.App, "k", nullable: true);

    [Fact] // DEFAULT-2: null + nullable → omitted
    public void NullValueInNullableColumn_IsOmitted()
    {
        var row = LoanRow(Loan().Add("loan", "n", TestContract.App, "n", "int", nullable: true), "k=\"1\" n=\"abc\"")!;
        Assert.False(row.ContainsKey("n"));
    }

    [Fact] // DEFAULT-2: null + NOT NULL + default → typed default (datetime), also for unparseable input
    public void NullValueInNotNullColumn_GetsTheTypedDefault_AlsoForUnparseableInput()
    {
        var row = LoanRow(Loan().Add("loan", "bd", TestContract.App, "bd", "datetime", dflt: "1900-01-01"), "k=\"1\" bd=\"14/12/1988\"")!;
        Assert.Equal(new DateTime(1900, 1, 1), row["bd"]);
    }

    [Fact] // DEFAULT-1, CONTRACT-13: a default that does not convert to the column type is refused when the contract loads
    public void DefaultThatDoesNotConvert_IsALoadError()
    {
        var ex = Assert.Throws<ContractException>(() => Loan().Add("loan", "n", TestContract.App, "n", "int", dflt: "none").Build());
        Assert.Contains("default_value 'none' does not convert to int", ex.Message);
    }

    [Fact] // DEFAULT-2: null + NOT NULL + no default → omitted with a warning
    public void NotNullColumnWithoutValueOrDefault_IsOmittedWithAWarning()
    {
        var r = Loan().Add("loan", "n", TestContract.App, "n", "int").Map(Doc.Xml(appAttrs: "k=\"1\""));
        Assert.False(r.Single("loan").ContainsKey("n"));
        Assert.Contains("Required column 'n' in table 'loan' has no value and no default_value", r.Warnings);
    }

    [Theory] // DEFAULT-1: typed defaults, JSON numbers like their text
    [InlineData("bit", "0", 0L)]
    [InlineData("bit", "Y", 1L)]
    [InlineData("bit", "true", 1L)]
    [InlineData("int", "999999", 999999L)]
    public void Defaults_AreConvertedToTheColumnType_JsonNumbersLikeTheirText(string type, string dflt, long expected)
    {
        var row = LoanRow(Loan().Add("loan", "d", TestContract.App, "d", type, dflt: dflt), "k=\"1\"")!;
        Assert.Equal(expected, row["d"]);
    }

    [Fact] // DEFAULT-1: a JSON number default 0 is a default like "0"
    public void JsonNumberDefaultZero_IsADefaultLikeTextZero()
    {
        var row = LoanRow(Loan().Add("loan", "d", TestContract.App, "d", "bit", dflt: JsonValue.Create(0)).Add("loan", "e", TestContract.App, "e", "int", dflt: JsonValue.Create(7)), "k=\"1\"")!;
        Assert.Equal(0L, row["d"]);
        Assert.Equal(7L, row["e"]);
    }

    [Fact] // DEFAULT-1, DEFAULT-5: a row of only defaults (blank flags → 0 = default "0") is dropped
    public void RowOfOnlyDefaults_IsDropped()
    {
        var c = new TestContract().AppId()
            .Add("flags", "a_flag", TestContract.App, "a", "bit", mt: "char_to_bit", dflt: "0")
            .Add("flags", "b_flag", TestContract.App, "b", "bit", mt: "char_to_bit", dflt: "0");
        Assert.False(c.Map(Doc.Xml()).Has("flags"));
        var kept = c.Map(Doc.Xml(appAttrs: "a=\"N\"")).Single("flags"); // DEFAULT-3: "N" → 0 is real data
        Assert.Equal(0L, kept["a_flag"]);
        Assert.Equal(0L, kept["b_flag"]);
    }

    [Fact] // DEFAULT-5: app_base is never dropped
    public void ApplicationTableRow_IsNeverDropped()
    {
        var c = new TestContract().AppId().Add("app_base", "rd", TestContract.App, "rd", "datetime", dflt: "1900-01-01", excludeWhenEmpty: true);
        var row = c.Map(Doc.Xml()).Single("app_base");
        Assert.Equal(1L, row["app_id"]);
        Assert.False(row.ContainsKey("rd") && row["rd"] is not null); // DEFAULT-4 step 1 removed the conditional default
    }

    [Fact] // DEFAULT-5: app_contact_base is never dropped (keeps con_id + app_id)
    public void ContactTableRow_IsNeverDropped()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "last_name", TestContract.Person, "last_name", dflt: "UNKNOWN");
        var row = c.Map(Doc.Xml("<person con_id=\"9\" role=\"PR\" ssn=\"x\"/>")).Single("app_contact_base");
        Assert.Equal(9L, row["con_id"]);
        Assert.Equal(1L, row["app_id"]);
    }

    [Fact] // DEFAULT-4 step 1 + DEFAULT-5: only a conditional default → row dropped
    public void RowWithOnlyAConditionalDefault_IsDropped()
    {
        var c = new TestContract().AppId().Add("solicit", "birth_date", TestContract.App, "bd", "datetime", nullable: true, dflt: "1900-01-01", excludeWhenEmpty: true);
        Assert.False(c.Map(Doc.Xml()).Has("solicit"));
    }

    [Fact] // DEFAULT-4, DEFAULT-6: 1 meaningful column → nullable conditional defaults removed, NOT NULL ones kept
    public void RowWithOneRealColumn_LosesNullableConditionalDefaults_KeepsNotNullOnes()
    {
        var c = new TestContract().AppId()
            .Add("pricing", "segment", TestContract.App, "seg", nullable: true, dflt: "UNKNOWN", excludeWhenEmpty: true)
            .Add("pricing", "campaign", TestContract.App, "camp", dflt: "BLANK", excludeWhenEmpty: true)
            .Add("pricing", "zip", TestContract.App, "zip", nullable: true);
        var row = c.Map(Doc.Xml(appAttrs: "zip=\"12345\"")).Single("pricing");
        Assert.False(row.ContainsKey("segment"));
        Assert.Equal("BLANK", row["campaign"]);
        Assert.Equal("12345", row["zip"]);
        Assert.Equal(1L, row["app_id"]);
    }

    [Fact] // DEFAULT-6: with 2 meaningful columns conditional defaults stay
    public void RowWithTwoRealColumns_KeepsItsConditionalDefaults()
    {
        var c = new TestContract().AppId()
            .Add("pricing", "segment", TestContract.App, "seg", nullable: true, dflt: "UNKNOWN", excludeWhenEmpty: true)
            .Add("pricing", "zip", TestContract.App, "zip", nullable: true)
            .Add("pricing", "city", TestContract.App, "city", nullable: true);
        var row = c.Map(Doc.Xml(appAttrs: "zip=\"1\" city=\"C\"")).Single("pricing");
        Assert.Equal("UNKNOWN", row["segment"]);
    }

    [Fact] // DEFAULT-1: nullable:true does not prevent a default (blank → default)
    public void NullableWithDefault_UsesDefault()
    {
        var row = LoanRow(Loan().Add("loan", "city", TestContract.App, "city", nullable: true, dflt: "MISSING"), "k=\"1\"")!;
        Assert.Equal("MISSING", row["city"]);
    }

    [Fact] // DEFAULT-3: a real value equal to the default is real data, a blank input that yields the default is a default
    public void RealValueEqualToTheDefault_IsData_BlankInputYieldingTheDefault_IsNot()
    {
        var c = new TestContract().AppId().Add("t", "s", TestContract.App, "s", dflt: "X").Add("t", "n", TestContract.App, "n", nullable: true);
        Assert.False(c.Map(Doc.Xml()).Has("t"));
        Assert.Equal("X", c.Map(Doc.Xml(appAttrs: "s=\"X\"")).Single("t")["s"]);
    }

    [Fact] // ROW-4: missing columns of multi-row tables get the typed default, or null when flagged
    public void MultiRowTable_FillsMissingColumnsWithTheTypedDefault_OrNullWhenConditional()
    {
        var c = new TestContract().AppId()
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_base", "n", TestContract.Person, "n", "int", nullable: true, dflt: "7")
            .Add("app_contact_base", "m", TestContract.Person, "m", "int", nullable: true, dflt: "8", excludeWhenEmpty: true)
            .Add("app_contact_base", "q", TestContract.Person, "q", "int", nullable: true);
        var rows = c.Map(Doc.Xml(Doc.Person("1", attrs: "n=\"5\" m=\"6\" q=\"4\"") + Doc.Person("2", attrs: "n=\"abc\" m=\"abc\" q=\"abc\""))).Rows("app_contact_base");
        Assert.Equal(5L, rows[0]["n"]);
        Assert.Equal(7L, rows[1]["n"]);
        Assert.Null(rows[1]["m"]);
        Assert.Null(rows[1]["q"]);
    }
}

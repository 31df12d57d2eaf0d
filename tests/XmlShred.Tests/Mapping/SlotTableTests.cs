namespace XmlShred.Tests.Mapping;

/// <summary>Slot tables: policy exceptions (KV-6), warranties (KV-7), collateral (KV-8).</summary>
public class SlotTableTests
{
    private const string Dec = TestContract.App + "/decision";
    private const string Ins = TestContract.App + "/insure";
    private const string Coll = TestContract.App + "/coll";

    [Fact] // KV-6: one row per meaningful numbered entry, notes from the first parameterless entry
    public void PolicyExceptions()
    {
        var c = new TestContract().AppId()
            .Add("app_policy_exceptions_rl", "", Dec, "o1", mt: "policy_exceptions(630)", nullable: true)
            .Add("app_policy_exceptions_rl", "", Dec, "o2", mt: "policy_exceptions(631)", nullable: true)
            .Add("app_policy_exceptions_rl", "", Dec, "o3", mt: "policy_exceptions(632)", nullable: true)
            .Add("app_policy_exceptions_rl", "", Dec, "notes", mt: "policy_exceptions()", nullable: true);
        var rows = c.Map(Doc.Xml("<decision o1=\" R1 \" o2=\"none\" o3=\"R3\" notes=\"why\"/>")).Rows("app_policy_exceptions_rl");
        Assert.Equal([630L, 632L], rows.Select(r => (long?)r["policy_exception_type_enum"]));
        Assert.Equal("R1", rows[0]["reason_code"]);
        Assert.All(rows, r => Assert.Equal("why", r["notes"]));
        Assert.All(rows, r => Assert.Equal(1L, r["app_id"]));
    }

    [Fact] // KV-6: notes null when not meaningful
    public void PolicyExceptions_NotesNull()
    {
        var c = new TestContract().AppId()
            .Add("app_policy_exceptions_rl", "", Dec, "o1", mt: "policy_exceptions(630)", nullable: true)
            .Add("app_policy_exceptions_rl", "", Dec, "notes", mt: "policy_exceptions()", nullable: true);
        var row = c.Map(Doc.Xml("<decision o1=\"R1\" notes=\"NULL\"/>")).Single("app_policy_exceptions_rl");
        Assert.Null(row.Get("notes"));
    }

    private static TestContract Warranties() => new TestContract().AppId()
        .Add("app_warranties_rl", "company_name", Ins, "sc_company", mt: "warranty_field(626)", length: 50, nullable: true)
        .Add("app_warranties_rl", "amount", Ins, "sc_amount", "decimal", mt: "warranty_field(626)", length: 2, nullable: true)
        .Add("app_warranties_rl", "term_months", Ins, "sc_term", "int", mt: "warranty_field(626)", nullable: true)
        .Add("app_warranties_rl", "company_name", Ins, "gap_company", mt: "warranty_field(623)", length: 50, nullable: true)
        .Add("app_warranties_rl", "merrick_lienholder_flag", Ins, "gap_lien", "bit", mt: "char_to_bit, warranty_field(623)", nullable: true);

    [Fact] // KV-7, ROW-4: values converted like any column; type enum and lienholder flag appended
    public void WarrantyValues_AreConvertedLikeAnyColumn_AndTheRowGetsTypeAndFlag()
    {
        var row = Warranties().Map(Doc.Xml("<insure sc_company=\"SC\" sc_amount=\"1500\" sc_term=\"48\"/>")).Single("app_warranties_rl");
        Assert.Equal("SC", row["company_name"]);
        Assert.Equal("1500.00", ((decimal)row["amount"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(48L, row["term_months"]);
        Assert.Equal(626L, row["warranty_type_enum"]);
        Assert.Equal(0L, row["merrick_lienholder_flag"]);
        Assert.Equal(1L, row["app_id"]);
    }

    [Fact] // ROW-4: unconvertible values are not set; VALUE-2 integer grammar makes "1,000.5" no decimal
    public void UnconvertibleWarrantyValues_AreNotSet()
    {
        var row = Warranties().Map(Doc.Xml("<insure sc_company=\"SC\" sc_amount=\"1,000.5\" sc_term=\"abc\"/>")).Single("app_warranties_rl");
        Assert.Null(row.Get("amount"));
        Assert.Null(row.Get("term_months"));
    }

    [Fact] // KV-7: char_to_bit alone does not make a group meaningful; with data it sets the flag
    public void Warranty_CharToBitNotMeaningful()
    {
        Assert.False(Warranties().Map(Doc.Xml("<insure gap_lien=\"Y\"/>")).Has("app_warranties_rl"));
        var rows = Warranties().Map(Doc.Xml("<insure gap_company=\"G\" gap_lien=\"Y\" sc_company=\"SC\" sc_term=\"48\"/>")).Rows("app_warranties_rl");
        Assert.Equal(2, rows.Count);
        var gap = rows.Single(r => (long?)r["warranty_type_enum"] == 623L);
        Assert.Equal(1L, gap["merrick_lienholder_flag"]);
        Assert.Null(gap.Get("term_months")); // ROW-4 completion: no default → null
    }

    private static TestContract Collateral() => new TestContract().AppId()
        .Add("app_collateral_rl", "collateral_type_enum", Coll, "c1_type", "smallint", mt: "calculated_field, add_collateral(1)", dflt: "423",
            expression: "CASE WHEN application.kind = 'MARINE' THEN 412 ELSE 423 END")
        .Add("app_collateral_rl", "make", Coll, "c1_make", mt: "add_collateral(1)", length: 5, dflt: "NONE")
        .Add("app_collateral_rl", "model", Coll, "c1_model", mt: "add_collateral(1)", nullable: true, dflt: "MISSING", excludeWhenEmpty: true)
        .Add("app_collateral_rl", "used_flag", Coll, "c1_used", "bit", mt: "char_to_bit, add_collateral(1)", dflt: "0")
        .Add("app_collateral_rl", "wholesale_value", Coll, "c1_value", "decimal", mt: "add_collateral(1)", length: 2, nullable: true)
        .Add("app_collateral_rl", "year", Coll, "c1_year", "smallint", mt: "numbers_only, add_collateral(1)", dflt: "9999")
        .Add("app_collateral_rl", "make", Coll, "c2_make", mt: "add_collateral(2)", length: 5, dflt: "MISSING")
        .Add("app_collateral_rl", "wholesale_value", Coll, "c2_value", "decimal", mt: "add_collateral(2)", length: 2, nullable: true)
        .Add("app_collateral_rl", "year", Coll, "c2_year", "smallint", mt: "numbers_only, add_collateral(2)", dflt: "9999");

    [Fact] // KV-8, ROW-4: only meaningful slots; defaults for absent columns; sort_order
    public void CollateralSlots_OnlyRealOnesGiveRows_WithDefaultsAndSortOrder()
    {
        var r = Collateral().Map(Doc.Xml("<coll c1_make=\"\" c1_value=\"0\" c1_used=\"Y\" c2_make=\"HONDAXX\" c2_year=\"2019a\"/>", appAttrs: "kind=\"MARINE\""));
        var row = r.Single("app_collateral_rl");
        Assert.Equal(2L, row["sort_order"]);
        Assert.Equal("HONDA", row["make"]);     // truncated to data_length
        Assert.Equal(2019L, row["year"]);        // numbers_only "2019a" → 2019
        Assert.Equal(1L, row["app_id"]);
    }

    [Fact] // KV-8: wholesale_value counts only when > 0; calc and char_to_bit do not make a slot meaningful
    public void Collateral_SlotMeaningfulness()
    {
        Assert.False(Collateral().Map(Doc.Xml("<coll c1_value=\"0\" c1_used=\"Y\"/>", appAttrs: "kind=\"MARINE\"")).Has("app_collateral_rl"));
        var row = Collateral().Map(Doc.Xml("<coll c1_value=\"10\" c1_used=\"Y\"/>", appAttrs: "kind=\"MARINE\"")).Single("app_collateral_rl");
        Assert.Equal(1L, row["sort_order"]);
        Assert.Equal(412L, row["collateral_type_enum"]);
        Assert.Equal(1L, row["used_flag"]);
        Assert.Equal("NONE", row["make"]);   // typed default for absent column
        Assert.Equal(9999L, row["year"]);
        Assert.Equal("MISSING", row["model"]);  // typed default (slot defaults are not conditional here, KV-8)
    }

    [Fact] // KV-6: a non-integer parameter is skipped with a warning
    public void PolicyExceptions_NonIntegerParameterSkipped()
    {
        var c = new TestContract().AppId()
            .Add("app_policy_exceptions_rl", "", Dec, "o1", mt: "policy_exceptions(abc)", nullable: true)
            .Add("app_policy_exceptions_rl", "", Dec, "o2", mt: "policy_exceptions(7)", nullable: true);
        var r = c.Map(Doc.Xml("<decision o1=\"R\" o2=\"R2\"/>"));
        var row = r.Single("app_policy_exceptions_rl");
        Assert.Equal(7L, row["policy_exception_type_enum"]);
        Assert.Contains(r.Warnings, w => w.Contains("policy_exceptions(abc)"));
    }

    [Fact] // KV-7: a non-integer warranty parameter skips the group
    public void Warranty_NonIntegerParameterSkipped()
    {
        var c = new TestContract().AppId().Add("app_warranties_rl", "company_name", Ins, "w", mt: "warranty_field(x)", nullable: true);
        Assert.False(c.Map(Doc.Xml("<insure w=\"W\"/>")).Has("app_warranties_rl"));
    }
}

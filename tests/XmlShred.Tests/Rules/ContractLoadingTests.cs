using System.Text;
using System.Text.Json.Nodes;
using XmlShred.Contract;

namespace XmlShred.Tests.Rules;

/// <summary>§1.6 load-time errors [L-2] [L-3] and identifier validation.</summary>
public class ContractLoadingTests
{
    private static IReadOnlyList<ContractDiagnostic> Errors(JsonObject json)
    {
        var (contract, diags) = ContractLoader.Compile(Encoding.UTF8.GetBytes(json.ToJsonString()), "t");
        Assert.Null(contract);
        return [.. diags.Where(d => d.Severity == DiagnosticSeverity.Error)];
    }

    private static TestContract Basic() => new TestContract().AppId().Add("loan", "amount", TestContract.App, "amt", "int");

    [Fact]
    public void MinimalContract_Loads()
    {
        var c = Basic().Build();
        Assert.NotNull(c);
    }

    [Fact] // L2.3: empty data_type names entry index and table.column
    public void L2_3_EmptyDataType_NamesEntryIndexAndColumn()
    {
        var json = Basic().ToJson();
        json["mappings"]![1]!["data_type"] = "";
        var e = Assert.Single(Errors(json));
        Assert.Contains("mappings[1]", e.Location);
        Assert.Contains("loan.amount", e.Location);
        Assert.Contains("data_type", e.Message);
    }

    [Fact] // L2.4: empty target_column without a row-creating token
    public void L2_4_EmptyTargetColumn_IsError()
    {
        var json = Basic().ToJson();
        json["mappings"]![1]!["target_column"] = "";
        Assert.Contains(Errors(json), d => d.Rule == "L2.4" && d.Location.Contains("mappings[1]"));
    }

    [Fact] // L2.4: a row-creating token exempts the empty column
    public void L2_4_RowCreatingToken_AllowsEmptyColumn()
    {
        var c = new TestContract().AppId().Add("scores", "", TestContract.App, "fico", "int", mt: "add_score(fico)");
        Assert.NotNull(c.Build());
    }

    [Fact] // L2.6: duplicate (table, column)
    public void L2_6_DuplicateColumn_IsError()
    {
        var json = Basic().Add("loan", "amount", TestContract.App, "other", "int").ToJson();
        var e = Assert.Single(Errors(json));
        Assert.Equal("L2.6", e.Rule);
        Assert.Contains("loan.amount", e.Location + e.Message);
    }

    [Fact] // L2.2 mappings empty
    public void L2_2_EmptyMappings_IsError()
    {
        var json = Basic().ToJson();
        json["mappings"] = new JsonArray();
        Assert.Contains(Errors(json), d => d.Rule == "L2.2");
    }

    [Fact] // L2.1 source_table missing
    public void L2_1_MissingSourceTable_IsError()
    {
        var json = Basic().ToJson();
        json.Remove("source_table");
        Assert.Contains(Errors(json), d => d.Rule == "L2.1" && d.Location == "source_table");
    }

    [Fact] // L2.5 relationship lacking a key
    public void L2_5_RelationshipMissingKey_IsError()
    {
        var json = Basic().ToJson();
        json["relationships"]![0]!.AsObject().Remove("xml_child_path");
        Assert.Contains(Errors(json), d => d.Rule == "L2.5" && d.Message.Contains("xml_child_path"));
    }

    [Fact] // L3.1: no address rule
    public void L3_1_NoAddressRule_IsError()
    {
        var json = Basic().ToJson();
        var rules = json["element_filtering"]!["filter_rules"]!.AsArray();
        rules.RemoveAt(1);
        Assert.Contains(Errors(json), d => d.Rule == "L3.1" && d.Message.Contains("address"));
    }

    [Fact] // L3.3: child_table not in insertion order
    public void L3_3_ChildTableNotInOrder_IsError()
    {
        var c = Basic();
        c.InsertionOrder = ["app_base", "loan", "processing_log"];
        var json = c.ToJson();
        json["table_insertion_order"] = new JsonArray("app_base", "processing_log");
        Assert.Contains(Errors(json), d => d.Rule == "L3.3" && d.Message.Contains("loan"));
    }

    [Fact] // L3.4: a listed table without relationship and without row-creating entries
    public void L3_4_TableWithoutRelationship_IsError()
    {
        var json = Basic().ToJson();
        json["relationships"] = new JsonArray();
        Assert.Contains(Errors(json), d => d.Rule == "L3.4" && d.Message.Contains("loan"));
    }

    [Fact] // L3.5 + E-1: enum column without a resolvable map
    public void L3_5_UnresolvableEnum_IsError()
    {
        var json = Basic().Add("loan", "color_code", TestContract.App, "c", "int", mt: "enum").ToJson();
        Assert.Contains(Errors(json), d => d.Rule == "L3.5" && d.Location.Contains("loan.color_code"));
    }

    [Fact] // L3.6 [F8]: expression error names entry and 0-based position
    public void L3_6_BadExpression_NamesEntryAndPosition()
    {
        var json = Basic().Add("loan", "calc", TestContract.App, null, "int", mt: "calculated_field", expression: "1 + # 2").ToJson();
        var e = Assert.Single(Errors(json));
        Assert.Equal("L3.6", e.Rule);
        Assert.StartsWith("Contract error: expression of loan.calc: ", e.Message);
        Assert.Contains("at position 4", e.Message);
    }

    [Theory] // L3.6: unknown function / wrong argument count / bad date part / bad CAST type
    [InlineData("FOO(1)")]
    [InlineData("ISNULL(1)")]
    [InlineData("DATEADD(fortnight, 1, x)")]
    [InlineData("CAST(x AS money)")]
    [InlineData("'unterminated")]
    public void L3_6_InvalidExpressions_AreLoadErrors(string expr)
    {
        var json = Basic().Add("loan", "calc", TestContract.App, null, "int", mt: "calculated_field", expression: expr).ToJson();
        Assert.Contains(Errors(json), d => d.Rule == "L3.6" && d.Message.Contains("loan.calc") && d.Message.Contains("at position"));
    }

    [Fact] // expressions are parsed only with calculated_field (RL dealer_num_child, B21)
    public void ExpressionWithoutCalculatedField_IsNotParsed()
    {
        Assert.NotNull(Basic().Add("loan", "x", TestContract.App, "x", expression: "((( nonsense").Build());
    }

    [Theory] // identifiers are validated (they end up in SQL)
    [InlineData("bad]table")]
    [InlineData("bad table;drop")]
    public void InvalidTableIdentifier_IsError(string table)
    {
        var json = new TestContract().AppId().Add(table, "c", TestContract.App, "x").ToJson();
        Assert.Contains(Errors(json), d => d.Rule == "identifier");
    }

    [Fact]
    public void InvalidColumnIdentifier_IsError()
    {
        var json = new TestContract().AppId().Add("loan", "c]--", TestContract.App, "x").ToJson();
        Assert.Contains(Errors(json), d => d.Rule == "identifier" && d.Message.Contains("target_column"));
    }

    [Fact] // Load throws ContractException listing every error
    public void Load_ThrowsWithAllErrors()
    {
        var json = Basic().ToJson();
        json["mappings"]![1]!["data_type"] = "";
        json.Remove("source_column");
        var ex = Assert.Throws<ContractException>(() => ContractLoader.Load(Encoding.UTF8.GetBytes(json.ToJsonString()), "t"));
        Assert.Equal(2, ex.Diagnostics.Count);
    }
}

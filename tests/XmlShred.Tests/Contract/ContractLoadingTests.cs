using XmlShred.Tests.Mapping;
using System.Text;
using System.Text.Json.Nodes;
using XmlShred.Contract;

namespace XmlShred.Tests.Contract;

/// <summary>Load-time errors (CONTRACT-1 to CONTRACT-9) and identifier validation (CONTRACT-10).</summary>
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

    [Fact] // CONTRACT-2: empty data_type names entry index and table.column
    public void EmptyDataType_IsAnErrorNamingEntryIndexAndColumn()
    {
        var json = Basic().ToJson();
        json["mappings"]![1]!["data_type"] = "";
        var e = Assert.Single(Errors(json));
        Assert.Contains("mappings[1]", e.Location);
        Assert.Contains("loan.amount", e.Location);
        Assert.Contains("data_type", e.Message);
    }

    [Fact] // CONTRACT-3: empty target_column without a row-creating token
    public void EmptyTargetColumnWithoutRowCreatingToken_IsAnError()
    {
        var json = Basic().ToJson();
        json["mappings"]![1]!["target_column"] = "";
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-3" && d.Location.Contains("mappings[1]"));
    }

    [Fact] // CONTRACT-3: a row-creating token exempts the empty column
    public void RowCreatingToken_AllowsAnEmptyTargetColumn()
    {
        var c = new TestContract().AppId().Add("scores", "", TestContract.App, "fico", "int", mt: "add_score(fico)");
        Assert.NotNull(c.Build());
    }

    [Fact] // CONTRACT-5: duplicate (table, column)
    public void TwoEntriesForOneColumn_IsAnError()
    {
        var json = Basic().Add("loan", "amount", TestContract.App, "other", "int").ToJson();
        var e = Assert.Single(Errors(json));
        Assert.Equal("CONTRACT-5", e.Rule);
        Assert.Contains("loan.amount", e.Location + e.Message);
    }

    [Fact] // CONTRACT-1 mappings empty
    public void EmptyMappings_IsAnError()
    {
        var json = Basic().ToJson();
        json["mappings"] = new JsonArray();
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-1");
    }

    [Fact] // CONTRACT-1 source_table missing
    public void MissingSourceTable_IsAnError()
    {
        var json = Basic().ToJson();
        json.Remove("source_table");
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-1" && d.Location == "source_table");
    }

    [Fact] // CONTRACT-4 relationship lacking a key
    public void RelationshipMissingAKey_IsAnError()
    {
        var json = Basic().ToJson();
        json["relationships"]![0]!.AsObject().Remove("xml_child_path");
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-4" && d.Message.Contains("xml_child_path"));
    }

    [Fact] // CONTRACT-6: no address rule
    public void MissingAddressFilterRule_IsAnError()
    {
        var json = Basic().ToJson();
        var rules = json["element_filtering"]!["filter_rules"]!.AsArray();
        rules.RemoveAt(1);
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-6" && d.Message.Contains("address"));
    }

    [Fact] // CONTRACT-4: child_table not in insertion order
    public void ChildTableNotInInsertionOrder_IsAnError()
    {
        var c = Basic();
        c.InsertionOrder = ["app_base", "loan", "processing_log"];
        var json = c.ToJson();
        json["table_insertion_order"] = new JsonArray("app_base", "processing_log");
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-4" && d.Message.Contains("loan"));
    }

    [Fact] // CONTRACT-7: a listed table without relationship and without row-creating entries
    public void ListedTableWithoutRelationshipOrRowCreatingEntries_IsAnError()
    {
        var json = Basic().ToJson();
        json["relationships"] = new JsonArray();
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-7" && d.Message.Contains("loan"));
    }

    [Fact] // CONTRACT-8, ENUM-1: enum column without a resolvable map
    public void EnumColumnWithoutResolvableMap_IsAnError()
    {
        var json = Basic().Add("loan", "color_code", TestContract.App, "c", "int", mt: "enum").ToJson();
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-8" && d.Location.Contains("loan.color_code"));
    }

    [Fact] // CONTRACT-9: expression error names entry and 0-based position
    public void BadExpression_IsAnErrorNamingEntryAndPosition()
    {
        var json = Basic().Add("loan", "calc", TestContract.App, null, "int", mt: "calculated_field", expression: "1 + # 2").ToJson();
        var e = Assert.Single(Errors(json));
        Assert.Equal("CONTRACT-9", e.Rule);
        Assert.StartsWith("Contract error: expression of loan.calc: ", e.Message);
        Assert.Contains("at position 4", e.Message);
    }

    [Theory] // CONTRACT-9: unknown function / wrong argument count / bad date part / bad CAST type
    [InlineData("FOO(1)")]
    [InlineData("ISNULL(1)")]
    [InlineData("DATEADD(fortnight, 1, x)")]
    [InlineData("CAST(x AS money)")]
    [InlineData("'unterminated")]
    public void UnknownFunctionsArgumentCountsDatePartsAndCastTypes_AreLoadErrors(string expr)
    {
        var json = Basic().Add("loan", "calc", TestContract.App, null, "int", mt: "calculated_field", expression: expr).ToJson();
        Assert.Contains(Errors(json), d => d.Rule == "CONTRACT-9" && d.Message.Contains("loan.calc") && d.Message.Contains("at position"));
    }

    [Fact] // expressions are parsed only with calculated_field (RL dealer_num_child, CONTRACT-12)
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

using System.Text;
using System.Text.Json.Nodes;
using XmlShred.Contract;
using XmlShred.Tests.Mapping;

namespace XmlShred.Tests.Hostile;

/// <summary>Contract mistakes that would change data silently are load errors naming the entry and the reason.</summary>
public class ContractValidationTests
{
    private static List<ContractDiagnostic> Errors(JsonObject json)
    {
        var (contract, diagnostics) = ContractLoader.Compile(Encoding.UTF8.GetBytes(json.ToJsonString()), "t");
        Assert.Null(contract);
        return [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];
    }

    private static ContractDiagnostic ErrorAt(JsonObject json, string location)
    {
        var errors = Errors(json);
        return errors.FirstOrDefault(e => e.Location.Contains(location, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no error at {location}: {string.Join(" | ", errors)}");
    }

    private static TestContract With(string type = "int", int? length = null, JsonNode? dflt = null, string? mt = null, string? enumName = null) =>
        new TestContract().AppId().Add("loan", "amount", TestContract.App, "amt", type, mt: mt, length: length, nullable: dflt is null, dflt: dflt, enumName: enumName);

    [Theory]
    [InlineData("varchar")]
    [InlineData("money")]
    [InlineData("integer")]
    public void UnknownDataType(string type)
    {
        var e = ErrorAt(With(type).ToJson(), "mappings[1] loan.amount");
        Assert.Contains($"data_type '{type}' is unknown", e.Message);
    }

    [Fact]
    public void MappingTypeNotAList()
    {
        var json = With().ToJson();
        json["mappings"]![1]!["mapping_type"] = 5;
        Assert.Contains("mapping_type must be a list", ErrorAt(json, "mappings[1]").Message);
        json["mappings"]![1]!["mapping_type"] = new JsonArray("enum", 3);
        Assert.Contains("token 3 is not a non-empty string", ErrorAt(json, "mappings[1]").Message);
    }

    [Theory]
    [InlineData("string", -2, "is negative")]
    [InlineData("string", 20_000_000, "larger than any target column holds")]
    [InlineData("decimal", 19, "must be at most 18")]
    [InlineData("decimal", 39, "must be at most 18")]
    public void AbsurdDataLength(string type, int length, string reason)
    {
        Assert.Contains(reason, ErrorAt(With(type, length).ToJson(), "mappings[1] loan.amount").Message);
    }

    [Fact]
    public void NoLimitAndSensibleLengths_Load()
    {
        Assert.NotNull(With("string", -1).Build());
        Assert.NotNull(With("decimal", 18).Build());
        Assert.NotNull(With("string", 4000).Build());
    }

    [Fact]
    public void TableListedTwice()
    {
        var c = With();
        c.InsertionOrder = ["app_base", "loan", "app_base", "processing_log"];
        var e = ErrorAt(c.ToJson(), "table_insertion_order[2]");
        Assert.Contains("'app_base' is listed twice (first at [0])", e.Message);
    }

    [Fact]
    public void ApplicationPathOrEntryPathOutsideTheRoot()
    {
        var json = With().ToJson();
        json["xml_application_path"] = "/Other/Request/CustData/application";
        Assert.Contains("outside the root element", ErrorAt(json, "xml_application_path").Message);
        json = With().ToJson();
        json["mappings"]![1]!["xml_path"] = "/Provenirx/Request";
        Assert.Contains("outside the root element", ErrorAt(json, "mappings[1] loan.amount").Message);
    }

    [Theory]
    [InlineData("smallint", "40000", "outside the range of smallint")]
    [InlineData("tinyint", "-1", "outside the range of tinyint")]
    [InlineData("smallint", "\"seven\"", "is not an integer")]
    [InlineData("int", "1.5", "is not an integer")]
    public void EnumCodesThatDoNotFitTheColumn(string type, string code, string reason)
    {
        var c = With(type, mt: "enum", enumName: "e").Enum("e", new JsonObject { ["A"] = 1, ["B"] = JsonNode.Parse(code) });
        var e = ErrorAt(c.ToJson(), "mappings[1] loan.amount");
        Assert.Contains("enum_mappings.e[\"B\"]", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void TextEnumCodes_FitATextColumn()
    {
        Assert.NotNull(With("string", mt: "enum", enumName: "e").Enum("e", new JsonObject { ["A"] = "alpha", ["B"] = 2 }).Build());
    }

    [Theory]
    [InlineData("int", "abc", "does not convert to int")]
    [InlineData("datetime", "not a date", "does not convert to datetime")]
    [InlineData("decimal", "12,5 EUR", "does not convert to decimal")]
    [InlineData("smallint", "99999", "outside the range of smallint")]
    public void DefaultThatDoesNotConvert(string type, string value, string reason)
    {
        Assert.Contains(reason, ErrorAt(With(type, dflt: value).ToJson(), "mappings[1] loan.amount").Message);
    }

    [Theory]
    [InlineData("int", "0")]
    [InlineData("datetime", "1900-01-01")]
    [InlineData("bit", "Y")]
    [InlineData("string", "UNKNOWN")]
    public void DefaultThatConverts_Loads(string type, string value) => Assert.NotNull(With(type, dflt: value).Build());

    [Theory]
    [InlineData(20_000)]
    [InlineData(101)]
    public void ExpressionNestedTooDeep_IsAClearError_NotAStackOverflow(int depth)
    {
        var expression = new string('(', depth) + "amt" + new string(')', depth);
        var json = new TestContract().AppId().Add("loan", "calc", TestContract.App, "amt", "int", mt: "calculated_field", nullable: true, expression: expression).ToJson();
        var e = ErrorAt(json, "mappings[1] loan.calc");
        Assert.Contains("nested deeper than the limit of 100 levels", e.Message);
    }

    [Fact]
    public void LongOperatorChain_CountsAsDepth_AndAShortOneLoads()
    {
        string Chain(int terms) => string.Join(" + ", Enumerable.Repeat("amt", terms));
        var deep = new TestContract().AppId().Add("loan", "calc", TestContract.App, "amt", "int", mt: "calculated_field", nullable: true, expression: Chain(5000)).ToJson();
        Assert.Contains("nested deeper", ErrorAt(deep, "mappings[1] loan.calc").Message);
        var fine = new TestContract().AppId().Add("loan", "calc", TestContract.App, "amt", "int", mt: "calculated_field", nullable: true, expression: "(" + Chain(40) + ") * 2");
        Assert.Equal("(" + Chain(40) + ") * 2", fine.Build().FindTable("loan")!.Entries.Single().Expression!.Text);
    }

    [Fact]
    public void Utf8ByteOrderMark_IsAccepted()
    {
        var bytes = With().Bytes();
        var contract = ContractLoader.Load([0xEF, 0xBB, 0xBF, .. bytes], "bom");
        Assert.Equal(ContractLoader.Load(bytes, "plain").Tables.Count, contract.Tables.Count);
    }

    [Fact]
    public void WrongJsonKind_NamesTheJsonPath()
    {
        var json = With().ToJson();
        json["mappings"]![1]!["data_length"] = "ten";
        Assert.Contains("$.mappings[1].data_length", Assert.Single(Errors(json)).Location);
    }

    [Fact]
    public void ExampleAndReferenceContracts_StillLoad()
    {
        Assert.NotNull(ContractLoader.LoadFile(Synthetic.ExampleFiles.ContractPath));
        Assert.NotNull(ContractLoader.LoadFile(SharedReference.Path("contracts", "mapping_contract_cc.json")));
        Assert.NotNull(ContractLoader.LoadFile(SharedReference.Path("contracts", "mapping_contract_rl.json")));
    }
}

using System.Text.Json.Nodes;

namespace XmlShred.Tests.Cli;

public sealed class MapAndContractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xmlshred-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Contract = """
        {"xml_root_element": "Provenir", "source_table": "src", "source_column": "xml", "table_insertion_order": ["t_app", "t_person"],
         "element_filtering": {"filter_rules": [
           {"element_type": "contact", "xml_parent_path": "/Provenir/Request/CustData/application", "xml_child_path": "/Provenir/Request/CustData/application/person", "required_attributes": {"con_id": true, "role": ["P", "S"]}},
           {"element_type": "address", "xml_parent_path": "/x", "xml_child_path": "/Provenir/Request/CustData/application/person/place", "required_attributes": {"kind": ["HOME"]}}]},
         "relationships": [{"parent_table": "t_app", "child_table": "t_person", "foreign_key_column": "app_id", "xml_parent_path": "/Provenir/Request", "xml_child_path": "/Provenir/Request/CustData/application/person"}],
         "mappings": [
           {"xml_path": "/Provenir/Request", "xml_attribute": "ID", "target_table": "t_app", "target_column": "app_id", "data_type": "int", "mapping_type": ["identity_insert"]},
           {"xml_path": "/Provenir/Request/CustData/application", "xml_attribute": "amount", "target_table": "t_app", "target_column": "amount", "data_type": "decimal", "data_length": 2, "nullable": true},
           {"xml_path": "/Provenir/Request/CustData/application/person", "xml_attribute": "first_name", "target_table": "t_person", "target_column": "first_name", "data_type": "string", "data_length": 20, "nullable": true}]}
        """;

    private const string Document = """
        <Provenir><Request ID="42"><CustData><application amount="12.5">
          <person con_id="7" role="p" first_name=" Ada "/>
        </application></CustData></Request></Provenir>
        """;

    [Fact]
    public void Map_SingleInput_PrintsGoldenFormatRows_AndExitsZero()
    {
        var (exit, output, _) = CliRunner.Run("map", "-c", Write("c.json", Contract), Write("doc.xml", Document));

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("mapped", (string?)json["outcome"]);
        Assert.Equal("12.50", (string?)json["tables"]!["t_app"]![0]!["amount"]);
        Assert.Equal("Ada", (string?)json["tables"]!["t_person"]![0]!["first_name"]);
        Assert.Equal(7, (int)json["tables"]!["t_person"]![0]!["con_id"]!);
    }

    [Fact]
    public void Map_RejectedDocument_IsReportedWithReason_AndExitsThree()
    {
        var (exit, output, error) = CliRunner.Run("map", "-c", Write("c.json", Contract), Write("bad.xml", "<Provenir><Request><CustData/></Request></Provenir>"));

        Assert.Equal(3, exit);
        Assert.Equal("rejected", (string?)JsonNode.Parse(output)!["outcome"]);
        Assert.Contains("Missing app_id", error);
    }

    [Fact]
    public void Map_OutFolder_WritesOneJsonPerInput()
    {
        var outDir = Path.Combine(_dir, "out");
        var (exit, _, error) = CliRunner.Run("map", "-c", Write("c.json", Contract), "--out", outDir, Write("a.xml", Document));

        Assert.Equal(0, exit);
        Assert.Contains("1 result written", error);
        Assert.True(File.Exists(Path.Combine(outDir, "a.json")));
    }

    [Fact]
    public void Map_MissingInput_IsAUsageError_AndMapsNothing()
    {
        var outDir = Path.Combine(_dir, "out");
        var (exit, _, error) = CliRunner.Run("map", "-c", Write("c.json", Contract), "--out", outDir, Write("a.xml", Document), Path.Combine(_dir, "missing.xml"));

        Assert.Equal(2, exit);
        Assert.Contains("missing.xml", error);
        Assert.False(File.Exists(Path.Combine(outDir, "a.json")));
    }

    [Fact]
    public void Map_TableFormat_ShowsEveryTableAndValue()
    {
        var (exit, output, _) = CliRunner.Run("map", "-c", Write("c.json", Contract), "--format", "table", Write("doc.xml", Document));

        Assert.Equal(0, exit);
        Assert.Contains("t_app", output);
        Assert.Contains("t_person", output);
        Assert.Contains("12.50", output);
    }

    [Fact]
    public void ContractLint_InvalidContract_ListsEntryAndReason_AndExitsTwo()
    {
        var broken = Contract.Replace("\"data_type\": \"decimal\"", "\"data_type\": \"\"").Replace("\"target_table\": \"t_person\"", "\"target_table\": \"t-person\"");
        var (exit, output, _) = CliRunner.Run("contract", "lint", Write("broken.json", broken));

        Assert.Equal(2, exit);
        Assert.Contains("mappings[1] t_app.amount", output);
        Assert.Contains("data_type", output);
        Assert.Contains("not a valid SQL identifier", output);
    }

    [Fact]
    public void ContractLint_ValidContract_PrintsWarningsAndSummary_AndExitsZero()
    {
        var (exit, output, _) = CliRunner.Run("contract", "lint", Write("c.json", Contract));

        Assert.Equal(0, exit);
        Assert.Contains("0 error(s)", output);
    }

    [Fact]
    public void ContractSchema_IsAJsonSchemaDescribingMappings()
    {
        var (exit, output, _) = CliRunner.Run("contract", "schema");

        Assert.Equal(0, exit);
        var schema = JsonNode.Parse(output)!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.NotNull(schema["properties"]!["mappings"]!["items"]!["properties"]!["mapping_type"]);
    }
}

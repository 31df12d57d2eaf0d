using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Cli;

/// <summary>Exit codes of the pipeline commands, in-process (no child process needed for these).</summary>
public class RunCommandExitCodeTests
{
    private static string TinyContractFile(string folder)
    {
        var path = Path.Combine(folder, "tiny.json");
        File.WriteAllText(path, TinyContract.Json);
        return path;
    }

    [Fact]
    public async Task MissingRequiredOption_IsAUsageError()
    {
        Assert.Equal(2, await XmlShred.Cli.Program.Main(["run", "--contract", "x.json"]));
    }

    [Fact]
    public async Task BadPartition_IsAUsageError()
    {
        await using var db = new SqlitePipelineDatabase();
        var contract = TinyContractFile(Path.GetDirectoryName(db.Path)!);

        Assert.Equal(2, await XmlShred.Cli.Program.Main(["run", "--db", db.Path, "--contract", contract, "--partition", "3/3", "--no-progress"]));
    }

    [Fact]
    public async Task InvalidContract_IsAUsageError()
    {
        await using var db = new SqlitePipelineDatabase();
        var contract = Path.Combine(Path.GetDirectoryName(db.Path)!, "broken.json");
        await File.WriteAllTextAsync(contract, "{ \"mappings\": [] }", TestContext.Current.CancellationToken);

        Assert.Equal(2, await XmlShred.Cli.Program.Main(["init", "--db", db.Path, "--contract", contract]));
    }

    [Fact]
    public async Task InitThenLoad_SkipsFilesWithoutAnIdAndExistingIds_UnlessReplacing()
    {
        await using var db = new SqlitePipelineDatabase();
        var folder = Path.GetDirectoryName(db.Path)!;
        var contract = TinyContractFile(folder);
        var xml = Directory.CreateDirectory(Path.Combine(folder, "xml")).FullName;
        await File.WriteAllTextAsync(Path.Combine(xml, "a.xml"), TinyContract.Document(1, "one"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(xml, "b.xml"), "<Provenir><Request/></Provenir>", TestContext.Current.CancellationToken);

        Assert.Equal(0, await XmlShred.Cli.Program.Main(["init", "--db", db.Path, "--contract", contract]));
        Assert.Equal(0, await XmlShred.Cli.Program.Main(["init", "--db", db.Path, "--contract", contract]));
        // b.xml has no usable id: skipped, so the load exits 3 (finished, but not everything was loaded).
        Assert.Equal(3, await XmlShred.Cli.Program.Main(["load", "--db", db.Path, "--contract", contract, xml]));
        await File.WriteAllTextAsync(Path.Combine(xml, "a.xml"), TinyContract.Document(1, "changed"), TestContext.Current.CancellationToken);
        Assert.Equal(3, await XmlShred.Cli.Program.Main(["load", "--db", db.Path, "--contract", contract, xml]));
        Assert.Contains("\"one\"", (string)(await db.QueryAsync("SELECT app_XML FROM app_xml_staging"))[0][0]!);
        Assert.Equal(3, await XmlShred.Cli.Program.Main(["load", "--db", db.Path, "--contract", contract, "--replace", xml]));

        var rows = await db.QueryAsync("SELECT app_id, app_XML FROM app_xml_staging");
        Assert.Equal(1L, Assert.Single(rows)[0]);
        Assert.Contains("\"changed\"", (string)rows[0][1]!);
    }
}

using XmlShred.Cli.Commands;
using XmlShred.Cli;
using XmlShred.Pipeline;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Cli;

/// <summary>
/// xmlshred.json and --config, in-process (the environment layer is covered by <see cref="CliEnvironmentTests"/> in a
/// child process, since environment variables are shared by every test in this process).
/// </summary>
public sealed class CliConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xmlshred-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static string Json(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal);

    [Fact]
    public void XmlshredJson_InTheWorkingDirectory_SuppliesDbAndContract()
    {
        var db = Path.Combine(_dir, "from-config.db");
        var contract = File("tiny.json", TinyContract.Json);
        File("xmlshred.json", Json($$"""{ "db": "{{db}}", "contract": "{{contract}}" }"""));

        var (exit, output, error) = CliRunner.RunIn(_dir, "init");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("Schema ready in Data Source=" + db, output);
        Assert.True(System.IO.File.Exists(db));
    }

    [Fact]
    public void AFlag_WinsOverTheFile()
    {
        var fromFile = Path.Combine(_dir, "file.db");
        var fromFlag = Path.Combine(_dir, "flag.db");
        var contract = File("tiny.json", TinyContract.Json);
        File("xmlshred.json", Json($$"""{ "db": "{{fromFile}}", "contract": "{{contract}}" }"""));

        var (exit, _, _) = CliRunner.RunIn(_dir, "init", "--db", fromFlag);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.True(System.IO.File.Exists(fromFlag));
        Assert.False(System.IO.File.Exists(fromFile));
    }

    [Fact]
    public void ACommandSection_WinsOverTheGlobalKey_AndTheSourceIsNamedInErrors()
    {
        File("xmlshred.json", """{ "workers": 2, "run": { "workers": "lots" } }""");

        var (exit, _, error) = CliRunner.RunIn(_dir, "run", "--db", "x.db", "-c", "c.json");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("'lots'", error);
        Assert.Contains("--workers from \"run:workers\" in xmlshred.json", error);
    }

    [Fact]
    public void RelativePathsInAConfigFile_AreRelativeToThatFile()
    {
        var project = Directory.CreateDirectory(Path.Combine(_dir, "project")).FullName;
        System.IO.File.WriteAllText(Path.Combine(project, "tiny.json"), TinyContract.Json);
        var config = Path.Combine(project, "settings.json");
        System.IO.File.WriteAllText(config, """{ "db": "data/target.db", "contract": "tiny.json" }""");
        Directory.CreateDirectory(Path.Combine(project, "data"));

        var (exit, _, error) = CliRunner.RunIn(_dir, "init", "--config", config);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(System.IO.File.Exists(Path.Combine(project, "data", "target.db")));
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }

    [Fact]
    public void ARelativeSqlitePathInConnectionStrings_IsRelativeToTheFile_AFlagPathIsNot()
    {
        var project = Directory.CreateDirectory(Path.Combine(_dir, "named")).FullName;
        var contract = File("tiny.json", TinyContract.Json);
        var config = Path.Combine(project, "settings.json");
        System.IO.File.WriteAllText(config, Json($$"""{ "ConnectionStrings": { "local": "local.db" }, "contract": "{{contract}}" }"""));

        var (exit, _, error) = CliRunner.RunIn(_dir, "init", "--config", config, "--db", "local");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(System.IO.File.Exists(Path.Combine(project, "local.db")));
    }

    [Fact]
    public void Db_MayNameAConnectionStringsEntry()
    {
        var db = Path.Combine(_dir, "named.db");
        var contract = File("tiny.json", TinyContract.Json);
        File("xmlshred.json", Json($$"""{ "ConnectionStrings": { "main": "Data Source={{db}}" } }"""));

        var (exit, _, error) = CliRunner.RunIn(_dir, "init", "--db", "main", "-c", contract);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(System.IO.File.Exists(db));
        Assert.False(System.IO.File.Exists(Path.Combine(_dir, "main")));
    }

    [Fact]
    public void ConfigOption_ReadsTheGivenFile()
    {
        var db = Path.Combine(_dir, "other.db");
        var contract = File("tiny.json", TinyContract.Json);
        var config = File("other.json", Json($$"""{ "db": "{{db}}", "init": { "contract": "{{contract}}" } }"""));

        var (exit, _, error) = CliRunner.RunIn(_dir, "init", "--config", config);

        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(System.IO.File.Exists(db));
    }

    [Fact]
    public void ConfigOption_MissingFile_IsAUsageErrorNamingIt()
    {
        var (exit, _, error) = CliRunner.RunIn(_dir, "init", "--config", "nope.json");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("nope.json", error);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void AnInvalidConfigFile_IsAUsageErrorNamingIt()
    {
        File("xmlshred.json", "{ \"db\": ");

        var (exit, _, error) = CliRunner.RunIn(_dir, "init", "-c", "c.json");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("xmlshred.json", error);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("bench run")]
    public void ADestructiveDb_IsNeverTakenFromConfiguration(string command)
    {
        File("xmlshred.json", """{ "db": "precious.db" }""");

        var parse = CliInvocation.Parse(command.Split(' '), _dir, readEnvironment: false, out var error, out _)!;

        Assert.Null(error);
        Assert.DoesNotContain(parse.Tokens, t => t.Value == "precious.db");
    }

    [Fact]
    public void AMissingRequiredOption_SaysAllThreeWaysToGiveIt()
    {
        var (exit, _, error) = CliRunner.RunIn(_dir, "run", "-c", "c.json");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--db is required: give it on the command line, set XMLSHRED_DB, or put \"db\" in xmlshred.json", error);
    }
}

using System.CommandLine;
using XmlShred.Cli.Commands;
using XmlShred.Cli;
using XmlShred.Pipeline;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Cli;

/// <summary>One CLI: the same option names, aliases, error wording and exit codes on every command.</summary>
public sealed class CliConsistencyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xmlshred-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ContractFile()
    {
        var path = Path.Combine(_dir, "tiny.json");
        File.WriteAllText(path, TinyContract.Json);
        return path;
    }

    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path = "")
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = (path + " " + sub.Name).Trim();
            yield return (subPath, sub);
            foreach (var nested in Commands(sub, subPath)) yield return nested;
        }
    }

    private static IEnumerable<(string Path, Option Option)> Options() =>
        Commands(Program.BuildRoot()).SelectMany(c => c.Command.Options.Select(o => (c.Path, o)));

    [Fact]
    public void SharedOptionNames_HaveTheSameShortAliasOnEveryCommand()
    {
        var aliases = XmlShred.Cli.Commands.CommonOptions.ShortAliases;
        foreach (var (path, option) in Options())
        {
            if (aliases.TryGetValue(option.Name, out var alias))
                Assert.True(option.Aliases.Contains(alias), $"`{path} {option.Name}` lacks its short alias {alias}");
            foreach (var shortAlias in option.Aliases.Where(a => !a.StartsWith("--", StringComparison.Ordinal)))
                Assert.True(aliases.Any(kv => kv.Value == shortAlias && kv.Key == option.Name), $"`{path} {option.Name}` uses {shortAlias}, which means something else elsewhere");
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("init")]
    [InlineData("load")]
    [InlineData("map")]
    [InlineData("failures")]
    public void DashC_IsTheContractOption_OnCommandsThatTakeOne(string command)
    {
        var parse = Program.BuildRoot().Parse([command, "-c", "x.json"]);

        Assert.Equal("x.json", parse.GetValue<FileInfo?>("--contract")?.Name);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("init")]
    [InlineData("load")]
    public void CommandsWhoseContractDecidesWhatIsWritten_RequireIt(string command)
    {
        var (exit, _, error) = CliRunner.Run(command, "--db", Path.Combine(_dir, "x.db"), Path.Combine(_dir, "in.xml"));

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--contract is required", error);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")));
    }

    [Fact]
    public void EveryChoiceOption_AnswersAWrongValueWithItsChoices_NeverATypeName()
    {
        static bool IsEnum(Option o) => (Nullable.GetUnderlyingType(o.ValueType) ?? o.ValueType).IsEnum;
        var enumOptions = Options().Where(o => IsEnum(o.Option)).ToList();
        enumOptions.AddRange(Program.BuildRoot().Options.Where(IsEnum).Select(o => ("run", o))); // --log-level, --log-format
        Assert.Contains(enumOptions, o => o.Option.Name == "--mode");
        Assert.Contains(enumOptions, o => o.Option.Name == "--log-level");
        foreach (var (path, option) in enumOptions)
        {
            var (exit, _, error) = CliRunner.Run([.. path.Split(' '), option.Name, "fast"]);

            Assert.Equal(ExitCodes.UsageError, exit);
            Assert.Contains($"{option.Name} 'fast' is not one of:", error);
            Assert.DoesNotContain("XmlShred.", error);
            Assert.DoesNotContain("System.", error);
        }
    }

    [Fact]
    public void ANumberOptionWithText_SaysWhatIsExpected_NotTheDotNetType()
    {
        var (exit, _, error) = CliRunner.Run("run", "--db", "x.db", "-c", "c.json", "--workers", "many");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("'many'", error);
        Assert.Contains("a whole number", error);
        Assert.DoesNotContain("System.Int32", error);
    }

    [Fact]
    public void Run_BeforeInit_SaysToRunInitFirst_AndLeavesNoFileBehind()
    {
        var path = Path.Combine(_dir, "new.db");

        var (exit, _, error) = CliRunner.Run("run", "--db", path, "-c", ContractFile(), "--no-progress");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("run `xmlshred init`", error);
        Assert.DoesNotContain("SqliteException", error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Run_OnADatabaseWithoutTheSchema_NamesTheMissingTables()
    {
        var path = Path.Combine(_dir, "empty.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE unrelated (x INTEGER)";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var (exit, _, error) = CliRunner.Run("run", "--db", path, "-c", ContractFile(), "--no-progress");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("missing 8 tables (app_xml_staging, processing_log, app_base", error); // with the two claim tables
    }

    [Fact]
    public void Run_HeartbeatNotShorterThanTheLease_IsAUsageErrorNamingBothFlags()
    {
        var (exit, _, error) = CliRunner.Run("run", "--db", Path.Combine(_dir, "x.db"), "-c", ContractFile(), "--lease", "10", "--heartbeat", "10");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--heartbeat (10 s) must be shorter than --lease (10 s)", error);
    }

    [Fact]
    public void Load_BeforeInit_SaysToRunInitFirst()
    {
        var path = Path.Combine(_dir, "new.db");
        var xml = Path.Combine(_dir, "a.xml");
        File.WriteAllText(xml, TinyContract.Document(1));

        var (exit, _, error) = CliRunner.Run("load", "--db", path, "-c", ContractFile(), xml);

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("run `xmlshred init`", error);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("map")]
    [InlineData("load")]
    public void AMissingInput_IsAUsageError_InEveryCommandThatReadsFiles(string command)
    {
        var db = Path.Combine(_dir, "t.db");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("init", "--db", db, "-c", ContractFile()).ExitCode);

        var (exit, _, error) = command == "map"
            ? CliRunner.Run("map", "-c", ContractFile(), Path.Combine(_dir, "nope.xml"))
            : CliRunner.Run("load", "--db", db, "-c", ContractFile(), Path.Combine(_dir, "nope.xml"));

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("nope.xml", error);
    }

    [Fact]
    public void MapContractDir_CountsARejectedDocumentAsRejected_NotAsMapped()
    {
        var contracts = Directory.CreateDirectory(Path.Combine(_dir, "contracts")).FullName;
        File.WriteAllText(Path.Combine(contracts, "tiny.json"), TinyContract.Json);
        var good = Path.Combine(_dir, "good.xml");
        File.WriteAllText(good, TinyContract.Document(1, "one", 3, (10, "Ann")));
        var other = Path.Combine(_dir, "other.xml");
        File.WriteAllText(other, "<Provenir><Request ID=\"2\"><CustData><mortgage/></CustData></Request></Provenir>");

        var (exit, _, error) = CliRunner.Run("map", "--contract-dir", contracts, "--out", Path.Combine(_dir, "rows"), good, other);

        Assert.Equal(ExitCodes.SomeApplicationsFailed, exit);
        Assert.Contains("1 mapped, 1 rejected", error);
        Assert.Contains("No contract fits this document", error);
    }

    [Fact]
    public void TheExitCodeTable_IsInTheRootHelp_AndCoversEveryCode()
    {
        var help = new StringWriter();
        Program.BuildRoot().Parse(["--help"]).Invoke(new InvocationConfiguration { Output = help });

        foreach (var code in new[] { ExitCodes.Success, ExitCodes.UnexpectedError, ExitCodes.UsageError, ExitCodes.SomeApplicationsFailed, ExitCodes.Interrupted })
            Assert.Matches($@"\n\s+{code}\s+\w", help.ToString());
        Assert.Contains("XMLSHRED_", help.ToString());
    }

    [Theory]
    [InlineData(1, "worker", "1 worker")]
    [InlineData(2, "worker", "2 workers")]
    [InlineData(0, "application", "0 applications")]
    [InlineData(1000, "batch", "1,000 batches")]
    public void Counts_AgreeWithTheirNouns(long count, string noun, string expected)
    {
        var plural = noun == "batch" ? "batches" : null;

        Assert.Equal(expected, XmlShred.Cli.Commands.Plural.Count(count, noun, plural));
    }
}

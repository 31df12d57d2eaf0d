using XmlShred.Cli.Commands;
using XmlShred.Pipeline;
using XmlShred.Tests.Cli;
using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Hostile;

/// <summary>Command lines that used to end in a stack trace or the wrong exit code: each is one line and its documented code now.</summary>
public class CliEdgeCaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Map_OutIsAnExistingFile_IsAOneLineUsageError()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, _, error) = CliRunner.Run("map", "-c", ExampleFiles.ContractPath, "--out", file, file);
            Assert.Equal(ExitCodes.UsageError, exit);
            Assert.Equal($"error: --out {file} is a file; give a folder (it is created if missing)", error.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Generate_OutIsAnExistingFile_IsAOneLineUsageError()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, _, error) = CliRunner.Run("generate", "--count", "2", "--out", file);
            Assert.Equal(ExitCodes.UsageError, exit);
            Assert.Equal($"generate: --out {file} is a file; give a folder (it is created if missing)", error.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task BenchRun_ZeroRepeats_IsAUsageError()
    {
        await using var db = new SqlitePipelineDatabase();
        Assert.Equal(ExitCodes.UsageError, await XmlShred.Cli.Program.Main(["bench", "run", "--db", db.Path, "--repeats", "0"]));
        Assert.False(File.Exists(db.Path), "nothing was prepared");
    }

    [Theory]
    [InlineData("--max-document-bytes", "-1")]
    [InlineData("--max-document-bytes", "0")]
    [InlineData("--max-depth", "0")]
    [InlineData("--max-elements", "-5")]
    [InlineData("--max-attributes", "0")]
    [InlineData("--max-attribute-length", "0")]
    [InlineData("--document-time-budget", "0")]
    [InlineData("--document-time-budget", "NaN")]
    public void Map_LimitOutOfRange_IsAUsageErrorNamingTheOption(string option, string value)
    {
        var (exit, _, error) = CliRunner.Run("map", "-c", ExampleFiles.ContractPath, option, value, ExampleFiles.ContractPath);
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.StartsWith($"error: {option} must be", error.Trim());
        Assert.DoesNotContain(" at ", error);
    }

    [Theory]
    [InlineData("--workers", "0", "error: --workers must be more than 0 (got 0)")]
    [InlineData("--batch-size", "-3", "error: --batch-size must be more than 0 (got -3)")]
    [InlineData("--page-size", "0", "error: --page-size must be more than 0 (got 0)")]
    [InlineData("--queue-size", "0", "error: --queue-size must be more than 0 (got 0)")]
    [InlineData("--limit", "0", "error: --limit must be more than 0 (got 0)")]
    [InlineData("--retry-seconds", "-1", "error: --retry-seconds must be 0 or more (got -1)")]
    [InlineData("--app-id-start", "9", "error: --app-id-start 9 must not exceed --app-id-end 5")]
    public void Run_BadNumber_IsAUsageErrorNamingTheFlagBeforeAnythingOpens(string option, string value, string expected)
    {
        var db = Path.Combine(Path.GetTempPath(), $"xmlshred-never-{Guid.NewGuid():N}.db");
        var (exit, _, error) = CliRunner.Run("run", "--db", db, "-c", ExampleFiles.ContractPath, "--app-id-end", "5", option, value);
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Equal(expected, error.Trim().Split('\n')[0]);
        Assert.False(File.Exists(db), "nothing was opened");
    }

    [Fact]
    public async Task RunAndLoad_TakeTheLimitOptions_AndALimitFailsOnlyItsDocument()
    {
        await using var db = new SqlitePipelineDatabase();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(db.Path)!, "xml")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "ok.xml"), HostileCorpus.Document(11), Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "deep.xml"), HostileCorpus.Document(12, inner: "<a><b><c/></b></a>"), Ct);
        string[] limits = ["--max-depth", "6", "--max-document-bytes", "100000", "--max-elements", "1000", "--max-attributes", "50", "--max-attribute-length", "100", "--document-time-budget", "30"];

        Assert.Equal(0, await XmlShred.Cli.Program.Main(["init", "--db", db.Path, "--contract", ExampleFiles.ContractPath]));
        // load with the default limits stores both; run with a depth of 6 fails the deep one alone
        Assert.Equal(0, await XmlShred.Cli.Program.Main(["load", "--db", db.Path, "--contract", ExampleFiles.ContractPath, .. limits[2..], folder]));
        Assert.Equal(ExitCodes.SomeApplicationsFailed, await XmlShred.Cli.Program.Main(["run", "--db", db.Path, "--contract", ExampleFiles.ContractPath, "--no-progress", .. limits]));

        var log = (await db.QueryAsync("SELECT app_id, status, failure_reason FROM processing_log ORDER BY app_id")).Select(r => ((long)r[0]!, (string)r[1]!, r[2] as string)).ToList();
        Assert.Equal((11L, "success", (string?)null), log[0]);
        Assert.Equal((12L, "failed"), (log[1].Item1, log[1].Item2));
        Assert.Contains("app_id 12: document nests elements deeper than the limit of 6 levels (XmlLimits.MaxDepth)", log[1].Item3);
    }

    [Fact]
    public async Task Load_WithALimit_RefusesTheFileOverIt_AndLoadsTheRest()
    {
        await using var db = new SqlitePipelineDatabase();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(db.Path)!, "xml")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "ok.xml"), HostileCorpus.Document(21), Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "deep.xml"), HostileCorpus.Document(22, inner: "<a><b><c/></b></a>"), Ct);

        Assert.Equal(0, await XmlShred.Cli.Program.Main(["init", "--db", db.Path, "--contract", ExampleFiles.ContractPath]));
        // The file over the limit is skipped: the load finishes with exit code 3 (not everything was loaded).
        Assert.Equal(ExitCodes.SomeApplicationsFailed, await XmlShred.Cli.Program.Main(["load", "--db", db.Path, "--contract", ExampleFiles.ContractPath, "--max-depth", "6", folder]));

        Assert.Equal([21L], (await db.QueryAsync("SELECT app_id FROM app_xml")).Select(r => (long)r[0]!));
    }

    [Fact]
    public async Task Run_ReportToAnUnwritablePath_KeepsTheRunsExitCode()
    {
        await using var db = new SqlitePipelineDatabase();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(db.Path)!, "xml")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "ok.xml"), HostileCorpus.Document(31), Ct);
        Assert.Equal(0, await XmlShred.Cli.Program.Main(["init", "--db", db.Path, "--contract", ExampleFiles.ContractPath]));
        Assert.Equal(0, await XmlShred.Cli.Program.Main(["load", "--db", db.Path, "--contract", ExampleFiles.ContractPath, folder]));
        var unwritable = Path.Combine(folder, "no-such-folder", "deeper", "report.json");

        Assert.Equal(ExitCodes.Success, await XmlShred.Cli.Program.Main(["run", "--db", db.Path, "--contract", ExampleFiles.ContractPath, "--no-progress", "--report", unwritable]));

        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log WHERE status = 'success'"));
        Assert.False(File.Exists(unwritable));
    }
}

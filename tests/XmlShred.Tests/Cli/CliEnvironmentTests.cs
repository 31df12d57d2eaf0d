using System.Diagnostics;
using System.Text.Json;
using XmlShred.Cli.Commands;
using XmlShred.Pipeline;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Cli;

/// <summary>
/// The real executable in a child process with its own environment: XMLSHRED_* variables, their precedence over
/// xmlshred.json and under flags, and the log events on stderr.
/// </summary>
public sealed class CliEnvironmentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xmlshred-env-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(CliProcess.CliDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("XMLSHRED_", StringComparison.OrdinalIgnoreCase)).ToList()) info.Environment.Remove(key);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task XmlshredDbAndContract_FromTheEnvironment_RunTheWholeWorkflow_WithLogEventsAsJson()
    {
        var db = Path.Combine(_dir, "env.db");
        var contract = Path.Combine(_dir, "tiny.json");
        await File.WriteAllTextAsync(contract, TinyContract.Json, TestContext.Current.CancellationToken);
        var xml = Directory.CreateDirectory(Path.Combine(_dir, "xml")).FullName;
        await File.WriteAllTextAsync(Path.Combine(xml, "1.xml"), TinyContract.Document(1, "one", 2, (10, "Ann")), TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string> { ["XMLSHRED_DB"] = db, ["XMLSHRED_CONTRACT"] = contract, ["XMLSHRED_NO_PROGRESS"] = "1" };

        Assert.Equal(ExitCodes.Success, (await RunAsync(_dir, environment, "init")).Exit);
        Assert.Equal(ExitCodes.Success, (await RunAsync(_dir, environment, "load", xml)).Exit);
        var (exit, output, error) = await RunAsync(_dir, environment, "run", "--workers", "1", "--log-level", "information", "--log-format", "json");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("1 pending application in", error);
        Assert.Contains(", 1 worker,", error);
        Assert.Contains("1 application in", output);
        var events = error.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var started = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 1000);
        Assert.Equal("Information", started.GetProperty("LogLevel").GetString());
        Assert.Equal(1, started.GetProperty("State").GetProperty("Pending").GetInt64());
        var finished = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 1001);
        Assert.Equal(1, finished.GetProperty("State").GetProperty("Succeeded").GetInt64());
    }

    [Fact]
    public async Task Precedence_FlagOverEnvironmentOverFile()
    {
        var contract = Path.Combine(_dir, "tiny.json");
        await File.WriteAllTextAsync(contract, TinyContract.Json, TestContext.Current.CancellationToken);
        var fileDb = Path.Combine(_dir, "file.db");
        var envDb = Path.Combine(_dir, "env.db");
        var flagDb = Path.Combine(_dir, "flag.db");
        await File.WriteAllTextAsync(Path.Combine(_dir, "xmlshred.json"), JsonSerializer.Serialize(new Dictionary<string, string> { ["db"] = fileDb, ["contract"] = contract }), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, (await RunAsync(_dir, new Dictionary<string, string>(), "init")).Exit);
        Assert.True(File.Exists(fileDb));
        Assert.Equal(ExitCodes.Success, (await RunAsync(_dir, new Dictionary<string, string> { ["XMLSHRED_DB"] = envDb }, "init")).Exit);
        Assert.True(File.Exists(envDb));
        Assert.Equal(ExitCodes.Success, (await RunAsync(_dir, new Dictionary<string, string> { ["XMLSHRED_DB"] = envDb }, "init", "--db", flagDb)).Exit);
        Assert.True(File.Exists(flagDb));
    }

    [Fact]
    public async Task AnyOption_AsXmlshredName_WithTheVariableNamedWhenItIsWrong()
    {
        var (exit, _, error) = await RunAsync(_dir, new Dictionary<string, string> { ["XMLSHRED_BATCH_SIZE"] = "big" }, "run", "--db", "x.db", "-c", "c.json");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--batch-size from environment variable XMLSHRED_BATCH_SIZE", error);
    }
}

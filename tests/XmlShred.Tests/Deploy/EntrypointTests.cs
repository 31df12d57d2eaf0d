using System.Diagnostics;
using XmlShred.Cli.Commands;
using XmlShred.Pipeline;

namespace XmlShred.Tests.Deploy;

/// <summary>deploy/entrypoint.sh run by /bin/sh against the CLI built beside the tests, as the container would run it.</summary>
public class EntrypointTests
{
    private static async Task<(int Exit, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(DeployFiles.PathOf("entrypoint.sh"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["XMLSHRED_APP"] = AppContext.BaseDirectory;
        info.Environment.Remove("XMLSHRED_DB");
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static readonly Dictionary<string, string?> s_none = [];

    [Fact]
    public async Task PassesArgumentsToTheCli()
    {
        var (exit, output) = await RunAsync(s_none, "status", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--watch", output);
    }

    [Fact]
    public async Task RefusesAPasswordInTheArguments()
    {
        var (exit, output) = await RunAsync(s_none, "run", "--db", "Host=db;Username=u;Password=secret", "--contract", "c.json");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("set XMLSHRED_DB from a Secret", output);
        Assert.DoesNotContain("secret", output.Replace("Secret", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesAUrlWithAPassword()
    {
        var (exit, _) = await RunAsync(s_none, "run", "-d", "postgres://u:secret@db/shred");

        Assert.Equal(ExitCodes.UsageError, exit);
    }

    [Fact]
    public async Task ExplainsAMissingConnection()
    {
        var (exit, output) = await RunAsync(s_none, "run");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("XMLSHRED_DB is not set", output);
    }

    [Fact]
    public async Task ReportsAMissingCli()
    {
        var (exit, output) = await RunAsync(new Dictionary<string, string?> { ["XMLSHRED_APP"] = "/nonexistent" }, "--help");

        Assert.Equal(1, exit);
        Assert.Contains("XmlShred.Cli.dll not found", output);
    }
}

using System.Diagnostics;
using System.Text;

namespace XmlShred.Tests.Pipeline;

/// <summary>The real CLI as a child process (<c>dotnet XmlShred.Cli.dll …</c>), for crash and signal tests.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _stdout = new();

    private CliProcess(Process process)
    {
        Process = process;
    }

    public Process Process { get; }

    /// <summary>stdout and stderr, interleaved as they arrived.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>stdout alone (the run summary goes there; progress and errors go to stderr).</summary>
    public string StandardOutput
    {
        get { lock (_output) return _stdout.ToString(); }
    }

    /// <summary>The CLI assembly copied beside the tests (the test project references the CLI project).</summary>
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "XmlShred.Cli.dll");

    public static CliProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(CliDll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    private void Append(string? line, bool stdout = false)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (stdout) _stdout.AppendLine(line);
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt() => Signal("-INT");

    /// <summary>Sends SIGTERM, as Kubernetes and <c>docker stop</c> do.</summary>
    public void Terminate() => Signal("-TERM");

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the CLI did not exit within {timeout}; output:\n{Output}");
        }
        Process.WaitForExit(); // flush the redirected output
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}

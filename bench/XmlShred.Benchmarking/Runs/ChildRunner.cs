using System.Diagnostics;
using System.Globalization;
using XmlShred.Pipeline;

namespace XmlShred.Benchmarking.Runs;

/// <summary>
/// Runs <c>xmlshred run</c> in a child process and reads its report back: every measured run starts from a cold
/// process, so one run's heap, JIT state and peak RSS never leak into the next one's figures.
/// </summary>
/// <param name="launcher">Builds the start info for the CLI with the given arguments (the CLI knows how it is hosted).</param>
public sealed class ChildRunner(Func<IReadOnlyList<string>, ProcessStartInfo> launcher)
{
    public async Task<RunReport> RunAsync(string db, string contract, ChildRunSettings settings, string reportPath, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "run", "--db", db, "--contract", contract, "--mode", settings.Mode.ToString().ToLowerInvariant(), "--no-progress",
            "--workers", Text(settings.Workers), "--batch-size", Text(settings.BatchSize), "--report", reportPath,
        };
        if (settings.QueueSize is { } queue) arguments.AddRange(["--queue-size", Text(queue)]);
        var info = launcher(arguments);
        info.Environment["DOTNET_TieredPGO"] = "1";
        using var child = Process.Start(info) ?? throw new InvalidOperationException("could not start the benchmark child process");
        var stdout = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }
        if (child.ExitCode is not (0 or 3))
            throw new InvalidOperationException($"benchmark run `{string.Join(' ', arguments)}` exited with {child.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        return RunReport.ReadFrom(reportPath);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <param name="QueueSize">Insert queue capacity (applications); null keeps the run's default.</param>
public sealed record ChildRunSettings(PipelineMode Mode, int Workers, int BatchSize, int? QueueSize = null);

using System.Diagnostics;

namespace XmlShred.Cli.Commands;

/// <summary>Starts this CLI again as a child process (the benchmark runs each repeat in a fresh process).</summary>
internal static class SelfLauncher
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // Run as `dotnet XmlShred.Cli.dll …` when hosted by dotnet, else run the apphost (or single-file executable) directly.
        // Not Assembly.Location: it is empty in a single-file publish.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, typeof(Program).Assembly.GetName().Name + ".dll"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }
}

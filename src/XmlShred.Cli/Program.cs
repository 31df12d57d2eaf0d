using XmlShred.Pipeline;
using System.CommandLine;
using XmlShred.Cli.Commands;

namespace XmlShred.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        // Ctrl+C belongs to ShutdownController (two stages); System.CommandLine must not kill the process after 2 s.
        var code = await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
        // System.CommandLine returns 1 for a parse error; usage errors are 2 here.
        return parse.Errors.Count > 0 ? ExitCodes.UsageError : code;
    }

    /// <summary>The whole command tree; each command lives in its own file under Commands/.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("""
            XmlShred: shreds XML credit applications into normalized relational tables, driven by a JSON mapping contract.

            First try:   xmlshred demo
            Typical use: xmlshred init --db shred.db --contract contract.json
                         xmlshred load --db shred.db --contract contract.json ./xml-files
                         xmlshred run  --db shred.db --contract contract.json

            Exit codes: 0 success; 1 unexpected error; 2 usage, contract or configuration error;
                        3 run completed but some applications failed (see processing_log); 130 interrupted (Ctrl+C).
            """);
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }
}

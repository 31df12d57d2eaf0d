using System.CommandLine;
using XmlShred.Cli.Commands;

namespace XmlShred.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    /// <summary>The whole command tree; each command lives in its own file under Commands/.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("XmlShred: shreds XML credit applications into normalized relational tables, driven by a JSON mapping contract.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }
}

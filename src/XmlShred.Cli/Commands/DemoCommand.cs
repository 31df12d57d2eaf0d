using System.CommandLine;
using XmlShred.Pipeline;

namespace XmlShred.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Generate sample applications into a fresh SQLite file and shred them (not available yet in this build).");
        CliAction.Set(command, (_, _) => throw new UsageException("demo needs the synthetic generator, which is not in this build yet"));
        return command;
    }
}

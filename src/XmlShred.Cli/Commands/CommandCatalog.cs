using System.CommandLine;

namespace XmlShred.Cli.Commands;

/// <summary>Every top-level command, in the order `--help` lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return InitCommand.Create();
        yield return LoadCommand.Create();
        yield return RunCommand.Create();
        yield return StatusCommand.Create();
        yield return FailuresCommand.Create();
        yield return ReportCommand.Create();
        yield return MapCommand.Create();
        yield return ContractCommand.Create();
        yield return GenerateCommand.Create();
        yield return BenchCommand.Create();
    }
}

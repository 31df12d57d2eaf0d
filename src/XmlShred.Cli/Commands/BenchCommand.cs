using System.CommandLine;

namespace XmlShred.Cli.Commands;

/// <summary><c>xmlshred bench</c>: throughput measurements (mapping alone; the pipeline end to end; the tuning sweep).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measures throughput: `bench map` (single-thread mapping vs a bare XML scan); `bench run` (queued vs sequential pipeline into SQLite, PostgreSQL or SQL Server); `bench tune` (sweep queue size × batch size × workers and recommend settings).");
        command.Subcommands.Add(BenchMapCommand.Create());
        command.Subcommands.Add(BenchRunCommand.Create());
        command.Subcommands.Add(BenchTuneCommand.Create());
        return command;
    }
}

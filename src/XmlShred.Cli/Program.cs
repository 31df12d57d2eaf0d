using System.CommandLine;
using System.Globalization;
using XmlShred.Cli.Commands;

namespace XmlShred.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        PinInvariantCulture();
        // Ctrl+C belongs to ShutdownController (two stages); System.CommandLine must not kill the process after 2 s.
        return await CliInvocation.InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = null }, Directory.GetCurrentDirectory(), readEnvironment: true)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The build no longer runs in invariant-globalization mode (SqlClient needs ICU); messages, numbers and dates
    /// stay culture-neutral whatever the machine's locale.
    /// </summary>
    public static void PinInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <summary>The whole command tree; each command lives in its own file under Commands/.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand($$"""
            XmlShred: shreds XML credit applications into normalized relational tables, driven by a JSON mapping contract.

            First try:   xmlshred demo
            Typical use: xmlshred init --db shred.db --contract contract.json
                         xmlshred load --db shred.db --contract contract.json ./xml-files
                         xmlshred run  --db shred.db --contract contract.json
                         xmlshred failures --db shred.db

            Every option can also be set as an environment variable XMLSHRED_<NAME> (XMLSHRED_DB, XMLSHRED_CONTRACT,
            XMLSHRED_BATCH_SIZE, …) or in xmlshred.json ({ "db": "…", "run": { "workers": 4 } }); a flag wins over the
            environment, the environment over the file. Keep passwords there, not on the command line.

            {{ExitCodeTable.Text}}
            """);
        foreach (var option in GlobalOptions.Create()) root.Options.Add(option);
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }
}

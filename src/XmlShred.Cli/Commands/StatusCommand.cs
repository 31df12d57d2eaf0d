using System.CommandLine;
using System.Data.Common;
using XmlShred.Cli.Progress;
using XmlShred.Fleet;

namespace XmlShred.Cli.Commands;

/// <summary><c>xmlshred status</c>: where a fleet (or a single run) stands, read from the database alone.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var contract = CommonOptions.Contract(required: true);
        var format = CommonOptions.Format("table (readable) or json (for scripts and dashboards).", "table", "json");
        var watch = new Option<bool>("--watch") { Description = "Refresh until Ctrl+C (every --interval seconds)." };
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes with --watch.", DefaultValueFactory = _ => 5 };
        var command = new Command("status", """
            Show how far the work is, from the database alone (works while any number of instances run):
              applications pending, claimed (inside a chunk an instance holds), succeeded, failed;
              source rows whose XML is NULL (never processed);
              chunks by state (pending, claimed, expired = holder stopped heartbeating, done);
              live instances: owner, host, heartbeat age, applications done, recent rate; and an ETA.
            Heartbeat ages use the database clock, so instances on other machines compare fairly.
            Examples: xmlshred status --db shred.db --contract examples/contract.json
                      xmlshred status --db "$XMLSHRED_DB" -c contract.json --format json
                      xmlshred status --db shred.db -c contract.json --watch --interval 2
            """)
        { db, contract, format, watch, interval };
        CliAction.Set(command, async (result, cancellationToken) =>
        {
            var compiled = CommonOptions.LoadContract(result.GetValue(contract));
            var seconds = result.GetValue(interval);
            if (seconds <= 0) throw new UsageException($"--interval must be positive, got {seconds}");
            var json = result.GetValue(format) == "json";
            await using var store = ClaimStores.Open(result.GetRequiredValue(db), compiled, new FleetOptions(), LeaseOwner.ForThisProcess("status"));
            using var stop = new ShutdownController().ListenToSignals();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop.StopToken);
            do
            {
                FleetStatus status;
                try
                {
                    status = await store.StatusAsync(linked.Token).ConfigureAwait(false);
                }
                catch (DbException ex)
                {
                    throw new UsageException($"cannot read the status tables of {compiled.SourceTable} ({ex.Message.Split('\n')[0]}); run `xmlshred init` with this --db and --contract first");
                }
                catch (OperationCanceledException) when (stop.StopRequested)
                {
                    break;
                }
                if (json) StatusPrinter.Json(Console.Out, status);
                else StatusPrinter.Table(Console.Out, status, clear: result.GetValue(watch) && !Console.IsOutputRedirected);
                if (!result.GetValue(watch)) break;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(seconds), linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            while (true);
            return ExitCodes.Success;
        });
        return command;
    }
}

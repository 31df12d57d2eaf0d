using System.CommandLine;
using System.Globalization;
using XmlShred.Cli.Logging;
using XmlShred.Cli.Progress;
using XmlShred.Diagnostics;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Pipeline.Resilience;
using XmlShred.Storage;

namespace XmlShred.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var contract = CommonOptions.Contract(required: true);
        var defaults = new RunOptions();
        var workers = CommonOptions.Workers();
        var batchSize = NumberOptions.Positive("--batch-size", "Applications per write transaction (sequential mode: per page).", defaults.BatchSize);
        var pageSize = NumberOptions.Positive("--page-size", "Source rows per keyset page.", defaults.PageSize);
        var queueSize = NumberOptions.Positive("--queue-size", "Most mapped applications waiting for the writer; workers wait when it is full.", defaults.QueueSize);
        var memoryBudget = ByteSize.Option("--memory-budget", defaults.MemoryBudget,
            "Most memory (estimated) held at once by documents read but not yet mapped and rows mapped but not yet committed; "
            + "the reader waits when it is spent. Sizes like 96MB, 512KB, 1GB. A document larger than the budget still runs, alone. "
            + "The default keeps the whole process under ~256 MB RSS with documents up to 2 MB.");
        var limit = NumberOptions.OptionalPositive<long>("--limit", "Process at most N applications in this run (already logged ones do not count). Example: --limit 10000");
        var start = new Option<long?>("--app-id-start") { Description = "Only app_ids ≥ this (inclusive); recorded in processing_log.app_id_start." };
        var end = new Option<long?>("--app-id-end") { Description = "Only app_ids ≤ this (inclusive); recorded in processing_log.app_id_end." };
        var partition = new Option<string?>("--partition") { Description = "Static shard: k/n processes only app_id % n == k. Example: three processes with --partition 0/3, 1/3, 2/3. "
            + "'auto' takes k from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) and n from --partition-count or XMLSHRED_PARTITION_COUNT." };
        var partitionCount = new Option<int?>("--partition-count") { Description = "n for --partition auto (the Indexed Job's completions); default: the XMLSHRED_PARTITION_COUNT environment variable." };
        var mode = CommonOptions.Choice("--mode", "queued (default): read, map and write overlap. sequential: the old shape for comparison (map a page in parallel, wait, write each application in its own transaction).", PipelineMode.Queued);
        var noProgress = CommonOptions.NoProgress();
        var retrySeconds = NumberOptions.NonNegative("--retry-seconds",
            "Seconds one database outage may last before the run gives up (0 = no retry). Retried: only transient faults "
            + "(a lost or refused connection, a server restart or failover, a deadlock or serialization failure, a busy SQLite file), "
            + "with exponential backoff from 0.2 s up to 5 s between attempts; the open batch is rolled back and sent again whole, "
            + "and a source page is read again. The budget starts again after each recovery. An outage longer than this stops the run "
            + "with exit 1 and the summary of what was committed; rerun to continue. Data errors are never retried (see docs/cli.md).",
            defaults.Retry.Budget.TotalSeconds, max: NumberOptions.MaxSeconds);
        var fleetDefaults = new Fleet.FleetOptions();
        var follow = new Option<bool>("--follow") { Description = "Keep polling the source table for new rows until stopped (Ctrl+C or SIGTERM drain as usual): for a long-running Deployment fed by a staging table." };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Process again the applications whose processing_log row is failed (after fixing the contract or the data). A success replaces the failed row in the same transaction that writes the rows; a new failure updates the reason. Each failure is retried once per run." };
        var lease = NumberOptions.Positive("--lease", "Seconds a claimed chunk stays reserved without a heartbeat; after that another instance takes it over. Use the same value on every instance.", fleetDefaults.LeaseLength.TotalSeconds, MaxLeaseSeconds);
        var heartbeat = NumberOptions.Positive("--heartbeat", "Seconds between lease renewals (shorter than --lease; a quarter of it is a good choice).", fleetDefaults.HeartbeatInterval.TotalSeconds, MaxLeaseSeconds);
        var chunkSize = NumberOptions.Positive("--chunk-size", "Applications per chunk when new chunks are cut from the source table (existing chunks keep theirs).", fleetDefaults.ChunkSize);
        var poll = NumberOptions.Positive("--poll", "Seconds an idle instance waits before looking for work again (new rows with --follow, or a peer's chunk whose lease may expire).", fleetDefaults.IdlePoll.TotalSeconds, MaxLeaseSeconds);
        var limits = new LimitOptions();
        var report = new Option<FileInfo?>("--report") { Description = "Write the run report as JSON to this file: settings, target, contract hash, failed app_ids, latency percentiles, stage times, worker busy %, and queue depths, throughput and memory over time. Draw it with `xmlshred report run.json --out dir`." };
        var command = new Command("run", """
            Shred every pending application of the source table into the target tables (create them first with `init`).
            Pending = no processing_log
            row yet (success or failed), so a run can be interrupted and rerun: it continues where it stopped.
            Any number of runs may share one database at once (processes, containers, pods): each claims chunks of
            app_ids under a lease, and an application is written and logged exactly once. A killed run's chunks are
            taken over when their lease expires. See docs/scale-out.md.
            Ctrl+C once: stop reading, finish and commit what was read, print the summary (exit 130).
            Ctrl+C twice: roll back the open batch and exit at once.
            A database restart or failover is ridden out: the open batch is rolled back and sent again for up to --retry-seconds.
            Exit codes: 0 all succeeded; 3 completed but some applications failed; 2 usage/contract error;
            1 unexpected error, or the database stayed unavailable longer than --retry-seconds (the summary says what was committed); 130 interrupted.
            Examples: xmlshred run --db shred.db --contract examples/contract.json
                      xmlshred run --db shred.db --contract c.json --app-id-start 1000 --app-id-end 1999 --report run.json
                      xmlshred run --db shred.db --contract c.json --mode sequential --workers 2
                      xmlshred run --db "$XMLSHRED_DB" --contract c.json --follow
                      xmlshred run --db shred.db --contract c.json --retry-failed
            Watch live: dotnet-counters monitor --counters XmlShred -n xmlshred
            """)
        { db, contract, workers, batchSize, pageSize, queueSize, memoryBudget, limit, start, end, partition, partitionCount, mode, follow, retryFailed, lease, heartbeat, chunkSize, poll, retrySeconds, noProgress, report };
        limits.AddTo(command);
        command.Validators.Add(r =>
        {
            if (r.GetValue(start) is { } first && r.GetValue(end) is { } last && first > last)
                r.AddError($"--app-id-start {first} must not exceed --app-id-end {last}");
        });
        CliAction.Set(command, async (result, _) =>
        {
            if (result.GetValue(heartbeat) >= result.GetValue(lease))
                throw new UsageException($"--heartbeat ({result.GetValue(heartbeat)} s) must be shorter than --lease ({result.GetValue(lease)} s), or every lease expires between two heartbeats");
            var (k, n) = ParsePartition(result.GetValue(partition), result.GetValue(partitionCount));
            var options = new RunOptions
            {
                Mode = result.GetValue(mode),
                Workers = result.GetValue(workers),
                BatchSize = result.GetValue(batchSize),
                PageSize = result.GetValue(pageSize),
                QueueSize = result.GetValue(queueSize),
                MemoryBudget = result.GetValue(memoryBudget),
                Retry = RetryTimeBudget.Seconds(result.GetValue(retrySeconds)),
                Follow = result.GetValue(follow),
                RetryFailed = result.GetValue(retryFailed),
                Fleet = new Fleet.FleetOptions
                {
                    LeaseLength = TimeSpan.FromSeconds(result.GetValue(lease)),
                    HeartbeatInterval = TimeSpan.FromSeconds(result.GetValue(heartbeat)),
                    ChunkSize = result.GetValue(chunkSize),
                    IdlePoll = TimeSpan.FromSeconds(result.GetValue(poll)),
                },
                Selection = new SourceSelection
                {
                    Limit = result.GetValue(limit),
                    AppIdStart = result.GetValue(start),
                    AppIdEnd = result.GetValue(end),
                    PartitionIndex = k,
                    PartitionCount = n,
                },
            };
            var mapping = new MappingOptions { Limits = limits.Read(result) };
            var compiled = CommonOptions.LoadContract(result.GetValue(contract));
            options = options with { Logger = CliLogging.Logger(result) };
            var connection = result.GetRequiredValue(db);
            options.Validate();
            await SchemaGuard.RequireAsync(connection, compiled, CancellationToken.None).ConfigureAwait(false);
            return await ExecuteAsync(connection, compiled, options, result.GetValue(noProgress), result.GetValue(report)?.FullName, mapping,
                result.GetValue(contract)?.FullName).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the pipeline with signals, progress, summary and report; returns the exit code. Also used by <c>demo</c>.</summary>
    /// <param name="contractPath">The contract file, for the report (null: the bundled one).</param>
    public static async Task<int> ExecuteAsync(string connection, CompiledContract contract, RunOptions options, bool noProgress, string? reportPath, MappingOptions? mapping = null, string? contractPath = null)
    {
        options.Validate();
        await using var database = TargetDatabaseFactory.Open(connection);
        // No DDL here: a production target is created (or reviewed with --print) by `init`, not as a side effect of a run.
        var total = await database.CountPendingAsync(contract, options.Selection with { RetryFailed = options.RetryFailed, RetryRunId = null }, CancellationToken.None).ConfigureAwait(false);
        var display = ProgressDisplay.Create(noProgress);
        using var shutdown = new ShutdownController(display.Notify, exitWhenAbortHangs: true).ListenToSignals();
        ThreadPoolFloor.ReserveFor(options.Workers);
        using var metrics = new PipelineMetrics();
        var mapper = new DocumentMapper(contract, mapping);
        var modeName = options.Mode.ToString().ToLowerInvariant();
        Console.Error.WriteLine($"Run {options.RunId}: {Plural.Count(total, options.RetryFailed ? "failed application" : "pending application")} in {database.DisplayName}, {modeName} mode, "
            + $"{Plural.Count(options.Workers, "worker")}, batch {options.BatchSize}; claiming chunks (lease {options.Fleet.LeaseLength.TotalSeconds:0.###} s, "
            + $"heartbeat {options.Fleet.HeartbeatInterval.TotalSeconds:0.###} s){(options.Follow ? ", following the source until stopped" : "")}.");
        options.Logger.RunStarted(options.RunId, total, database.DisplayName, modeName, options.Workers, options.BatchSize);
        var summary = await display.RunAsync(metrics, total,
            () => PipelineRunner.RunAsync(database, contract, mapper.Map, options, metrics, shutdown.StopToken, shutdown.AbortToken,
                retry =>
                {
                    if (retry.Kind == RetryEventKind.Retrying)
                        options.Logger.RetryScheduled(retry.Operation, retry.Failures, retry.Delay.TotalMilliseconds, "transient database fault", retry.Fault);
                    display.Notify(retry.ToString());
                }, display.Notify)).ConfigureAwait(false);
        var exitCode = ExitCodes.Of(summary.Outcome);
        options.Logger.RunFinished(summary.RunId, summary.Succeeded, summary.Failed, summary.RowsWritten, summary.Elapsed.TotalSeconds, summary.Interrupted, exitCode);
        SummaryPrinter.Print(summary, metrics);
        if (summary.StoppedBy is not null) await Console.Error.WriteLineAsync("error: " + summary.StoppedBy).ConfigureAwait(false);
        if (reportPath is not null)
        {
            try
            {
                var context = new RunContext(new TargetInfo(database.Dialect, database.DisplayName), new ContractInfo(contractPath ?? CommonOptions.BundledContractPath, contract.Hash));
                RunReport.Create(summary, metrics, options, context).WriteTo(reportPath);
                Console.WriteLine($"Report written to {reportPath}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // The run is committed: failing to write its report must not turn a finished run into an error.
                Console.Error.WriteLine($"warning: the run report could not be written to {reportPath}: {ex.Message}");
            }
        }
        return exitCode;
    }

    /// <summary>A day: leases, heartbeats and polls are seconds to minutes; anything longer is a typo.</summary>
    private const double MaxLeaseSeconds = 86_400;

    internal static (int? K, int? N) ParsePartition(string? text, int? autoCount = null, Func<string, string?>? environment = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var (index, count) = Fleet.KubernetesIndex.Resolve(autoCount, environment);
                return (index, count);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }
        }
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && k < n)
            return (k, n);
        throw new UsageException($"--partition '{text}' must be k/n with 0 ≤ k < n (e.g. 0/4) or auto");
    }
}

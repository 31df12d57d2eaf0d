using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using XmlShred.Benchmarking.Charts;
using XmlShred.Benchmarking.Corpus;
using XmlShred.Benchmarking.Runs;
using XmlShred.Benchmarking.Targets;
using XmlShred.Benchmarking.Tuning;
using XmlShred.Cli.Configuration;
using XmlShred.Contract;
using XmlShred.Pipeline;

namespace XmlShred.Cli.Commands;

/// <summary><c>bench tune</c>: sweeps queue size × batch size × workers and recommends settings.</summary>
internal static class BenchTuneCommand
{
    public static Command Create()
    {
        // Never from XMLSHRED_DB or xmlshred.json: every run empties the server database it is given.
        var db = ConfiguredArguments.FlagOnly(new Option<string>("--db", "-d") { Description = "SQLite file the runs write to (a fresh copy of a loaded .template per run), or a PostgreSQL/SQL Server connection (emptied before every run). Only ever taken from this flag.", Required = true });
        var contract = new Option<FileInfo?>("--contract", "-c") { Description = "Contract to map with (default: the bundled example contract, or the reference CC contract beside --samples)." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for tune.json, tune.md, the charts (PNG and SVG) and each run's report (runs/).", Required = true };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "Folder of sample XML files to replicate to --count applications (default: generated documents for the example contract)." };
        var count = new Option<int>("--count", "-n") { Description = "Applications in the corpus.", DefaultValueFactory = _ => 3000 };
        var maxKb = new Option<int>("--max-sample-kb") { Description = "With --samples: ignore files bigger than this.", DefaultValueFactory = _ => 64 };
        var queueSizes = new Option<string>("--queue-sizes") { Description = "Insert queue capacities to try (applications), comma-separated.", DefaultValueFactory = _ => "500,1000,2000,5000" };
        var batchSizes = new Option<string>("--batch-sizes") { Description = "Batch sizes to try (applications per transaction), comma-separated.", DefaultValueFactory = _ => "50,100,200,500" };
        var workers = new Option<string>("--workers", "-w") { Description = "Worker counts to try, comma-separated.", DefaultValueFactory = _ => "1,2,4" };
        var repeats = new Option<int>("--repeats") { Description = "Runs per point; the point reports its median run.", DefaultValueFactory = _ => 1 };
        var budget = new Option<string?>("--budget") { Description = "Stop starting new points once this much time has gone (e.g. 20m, 90s, 1h30m, 00:20:00); the points left are listed as skipped." };
        var memoryCap = new Option<double>("--memory-cap-mb") { Description = "The recommendation picks the fastest point whose peak RSS stays within this.", DefaultValueFactory = _ => 256 };
        var command = new Command("tune", """
            Sweep insert queue size × batch size × worker count, measure each point in its own child process on a fresh
            target, and recommend settings. The corpus is loaded once (generated documents when --samples is absent).
            Per point: apps/s, apps per CPU-second, peak RSS, batch insert latency p50/p95/p99, worker busy %, time the
            workers were blocked on a full insert queue, time the writer waited on an empty one.
            Writes <out>/tune.json, <out>/tune.md (table, bottleneck, recommendation) and charts as PNG and SVG.
            Example: xmlshred bench tune --db /tmp/tune.db --out tune --count 3000 --workers 1,2 --budget 20m
            """)
        { db, contract, output, samples, count, maxKb, queueSizes, batchSizes, workers, repeats, budget, memoryCap };
        CliAction.Set(command, async (result, cancellationToken) =>
        {
            var grid = new TuneGrid(ParseList(result.GetValue(queueSizes)!, "--queue-sizes"), ParseList(result.GetValue(batchSizes)!, "--batch-sizes"), ParseList(result.GetValue(workers)!, "--workers"));
            grid.Validate();
            var repeatCount = result.GetValue(repeats);
            if (repeatCount < 1) throw new UsageException("--repeats must be at least 1");
            var limit = result.GetValue(budget) is { } text ? ParseDuration(text) : (TimeSpan?)null;
            var folder = Directory.CreateDirectory(result.GetRequiredValue(output).FullName).FullName;
            var runs = Directory.CreateDirectory(Path.Combine(folder, "runs")).FullName;
            var clock = Stopwatch.StartNew();

            var corpus = BenchCorpus.Load(result.GetValue(samples)?.FullName, result.GetValue(contract)?.FullName, result.GetValue(count), result.GetValue(maxKb), CommonOptions.BundledContractPath);
            var compiled = ContractLoader.LoadFile(corpus.ContractPath);
            var target = BenchTarget.For(result.GetRequiredValue(db));
            Console.WriteLine($"Loading {corpus.Documents.Count:N0} applications ({corpus.Megabytes:N1} MB of XML: {corpus.Origin}) into {target.DisplayName} …");
            await target.PrepareAsync(compiled, corpus.Documents, cancellationToken).ConfigureAwait(false);
            var loadAtStart = MachineInfo.LoadAverageNow();
            Console.WriteLine($"Sweeping {grid.Count} points × {repeatCount} repeat(s){(limit is { } l ? $" within {l:g}" : "")}; machine: {Environment.ProcessorCount} cores, load average {loadAtStart ?? "n/a"}");

            var sweep = new TuneSweep(target, new ChildRunner(SelfLauncher.StartInfo), corpus.ContractPath, compiled, Console.Out);
            var (points, skipped) = await sweep.RunAsync(grid, repeatCount, limit, runs, cancellationToken).ConfigureAwait(false);
            var tune = new TuneResult
            {
                Machine = MachineInfo.Current(),
                LoadAverageAtStart = loadAtStart,
                LoadAverageAtEnd = MachineInfo.LoadAverageNow(),
                Settings = new TuneRunSettings
                {
                    Target = target.DisplayName,
                    TargetKind = target.Kind,
                    Contract = corpus.ContractPath,
                    Corpus = corpus.Origin,
                    Applications = corpus.Documents.Count,
                    CorpusMegabytes = Math.Round(corpus.Megabytes, 2),
                    QueueSizes = grid.QueueSizes,
                    BatchSizes = grid.BatchSizes,
                    Workers = grid.Workers,
                    Repeats = repeatCount,
                    BudgetSeconds = limit?.TotalSeconds,
                    MemoryCapMb = result.GetValue(memoryCap),
                    SweepSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
                },
                Points = points,
                Skipped = skipped,
                Recommendation = TuneAnalysis.Recommend(points, result.GetValue(memoryCap), Environment.ProcessorCount),
            };
            tune.WriteTo(Path.Combine(folder, "tune.json"));
            var charts = TuneCharts.Write(tune, folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "tune.md"), TuneMarkdown.Render(tune, charts), cancellationToken).ConfigureAwait(false);

            Console.WriteLine();
            var r = tune.Recommendation;
            Console.WriteLine(r.Best is null ? r.Bottleneck : $"Recommended: {r.Best} → {r.BestAppsPerSecond:N0} apps/s at {r.BestPeakRssMb:N0} MB peak RSS{(r.WithinMemoryCap ? "" : " (no point fit the memory cap; this is the leanest)")}");
            if (r.Best is not null) Console.WriteLine($"Bottleneck: {r.Bottleneck}");
            if (skipped.Count > 0) Console.WriteLine($"Skipped {skipped.Count} of {grid.Count} points (budget).");
            Console.WriteLine($"Wrote {Path.Combine(folder, "tune.md")}, tune.json and {charts.Count} charts (PNG + SVG).");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static IReadOnlyList<int> ParseList(string text, string option)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) || value < 1)
                throw new UsageException($"{option} '{text}': '{part}' is not a whole number ≥ 1 (example: {option} 50,100,200)");
            if (!values.Contains(value)) values.Add(value);
        }
        if (values.Count == 0) throw new UsageException($"{option} needs at least one value (example: {option} 50,100,200)");
        values.Sort();
        return values;
    }

    /// <summary>20m, 90s, 1h30m, 2h, or a TimeSpan (00:20:00).</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && text.Contains(':', StringComparison.Ordinal) && span > TimeSpan.Zero) return span;
        var match = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$");
        if (match.Success && match.Length > 0)
        {
            int Part(int i) => match.Groups[i].Success ? int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
            var total = new TimeSpan(Part(1), Part(2), Part(3));
            if (total > TimeSpan.Zero) return total;
        }
        throw new UsageException($"--budget '{text}' is not a duration (examples: 20m, 90s, 1h30m, 00:20:00)");
    }
}

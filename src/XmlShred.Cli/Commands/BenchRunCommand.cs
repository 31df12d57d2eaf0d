using System.CommandLine;
using XmlShred.Benchmarking.Corpus;
using XmlShred.Benchmarking.Runs;
using XmlShred.Benchmarking.Targets;
using XmlShred.Cli.Configuration;
using XmlShred.Contract;
using XmlShred.Pipeline;

namespace XmlShred.Cli.Commands;

/// <summary><c>bench run</c>: queued vs sequential on the same corpus, each repeat in a fresh child process.</summary>
internal static class BenchRunCommand
{
    public static Command Create()
    {
        // Never from XMLSHRED_DB or xmlshred.json: every repeat recreates or empties the database it is given.
        var db = ConfiguredArguments.FlagOnly(new Option<string>("--db", "-d") { Description = "SQLite file the runs write to (recreated for every repeat; a .template copy holds the loaded corpus), or a PostgreSQL/SQL Server connection (emptied for every repeat). Only ever taken from this flag.", Required = true });
        var repeats = new Option<int>("--repeats") { Description = "Runs per mode.", DefaultValueFactory = _ => 3 };
        var count = new Option<int>("--count", "-n") { Description = "Applications in the corpus.", DefaultValueFactory = _ => 6000 };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "Folder of sample XML files to replicate (default: ../shared/reference/samples/cc when present, else generated documents)." };
        var contract = CommonOptions.Contract(required: false, "Contract for the samples (default: the reference CC contract beside the samples, else the bundled example).");
        var maxKb = new Option<int>("--max-sample-kb") { Description = "Ignore sample files bigger than this (staged production documents are ~8 KB).", DefaultValueFactory = _ => 64 };
        var workers = CommonOptions.Workers("Mapping workers for both modes.");
        var batchSize = new Option<int>("--batch-size") { Description = "Batch (queued) and page (sequential) size.", DefaultValueFactory = _ => 500 };
        var ceilingSeconds = new Option<double>("--ceiling-seconds") { Description = "How long to measure single-thread mapping (the ceiling), before and after the runs.", DefaultValueFactory = _ => 5.0 };
        var command = new Command("run", """
            Measure apps/s of the queued pipeline against the sequential (reference-shaped) one on the same corpus:
            the corpus is loaded once, then every repeat copies it and runs `xmlshred run` in a child process.
            Prints min/median/max apps/s and peak working set per mode, and each mode's median as a share of the
            mapping ceiling: single-thread mapping docs/s on the same corpus times --workers.
            Example: xmlshred bench run --db /tmp/bench.db --repeats 3 --count 6000
            """)
        { db, repeats, count, samples, contract, maxKb, workers, batchSize, ceilingSeconds };
        CliAction.Set(command, async (result, cancellationToken) =>
        {
            if (result.GetValue(repeats) < 1) throw new UsageException("--repeats must be at least 1");
            var samplesFolder = result.GetValue(samples)?.FullName ?? BenchCorpus.FindReferenceSamples();
            var corpus = BenchCorpus.Load(samplesFolder, result.GetValue(contract)?.FullName, result.GetValue(count), result.GetValue(maxKb), CommonOptions.BundledContractPath);
            var contractPath = corpus.ContractPath;
            var documents = corpus.Documents;
            var compiled = ContractLoader.LoadFile(contractPath);
            var target = BenchTarget.For(result.GetRequiredValue(db));
            await target.PrepareAsync(compiled, documents, cancellationToken).ConfigureAwait(false);
            var runner = new ChildRunner(SelfLauncher.StartInfo);
            Console.WriteLine($"Target: {target.DisplayName}");
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores{LoadAverage()}; each repeat is `xmlshred run --workers {result.GetValue(workers)} --batch-size {result.GetValue(batchSize)}` in a child process");
            Console.WriteLine($"Corpus: {documents.Count} applications ({documents.Sum(d => (long)d.Xml.Length) / 1048576.0:N1} MB of XML), contract {Path.GetFileName(contractPath)}");
            var xml = documents.Select(d => d.Xml).ToList();
            var ceilingTime = TimeSpan.FromSeconds(result.GetValue(ceilingSeconds));
            var ceilingBefore = MappingCeiling.Measure(compiled, xml, result.GetValue(workers), ceilingTime);
            var runs = new Dictionary<PipelineMode, List<RunReport>> { [PipelineMode.Sequential] = [], [PipelineMode.Queued] = [] };
            for (var i = 0; i < result.GetValue(repeats); i++)
            {
                foreach (var mode in runs.Keys)
                {
                    var fresh = await target.FreshAsync(compiled, cancellationToken).ConfigureAwait(false);
                    var reportPath = Path.Combine(Path.GetTempPath(), $"xmlshred-bench-{Guid.NewGuid():N}.report.json");
                    var report = await runner.RunAsync(fresh, contractPath, new ChildRunSettings(mode, result.GetValue(workers), result.GetValue(batchSize)), reportPath, cancellationToken).ConfigureAwait(false);
                    File.Delete(reportPath);
                    runs[mode].Add(report);
                    Console.WriteLine($"  {mode.ToString().ToLowerInvariant(),-10} repeat {i + 1}: {report.AppsPerSecond,8:N0} apps/s, {report.Succeeded} ok, {report.Failed} failed, peak RSS {report.PeakWorkingSetBytes / 1048576.0:N0} MB, {report.CpuSeconds:N1} CPU-s");
                }
            }
            Console.WriteLine();
            Console.WriteLine($"{"mode",-10} {"min",8} {"median",8} {"max",8}  (apps/s)  peak RSS  apps per CPU-s");
            foreach (var (mode, reports) in runs)
            {
                var rates = reports.Select(r => r.AppsPerSecond).Order().ToArray();
                Console.WriteLine($"{mode.ToString().ToLowerInvariant(),-10} {rates[0],8:N0} {rates[rates.Length / 2],8:N0} {rates[^1],8:N0}  {reports.Max(r => r.PeakWorkingSetBytes) / 1048576.0,6:N0} MB   {reports.Select(r => (r.Succeeded + r.Failed) / Math.Max(r.CpuSeconds, 1e-9)).Order().ElementAt(reports.Count / 2),8:N0}");
            }
            var ratio = Median(runs[PipelineMode.Queued]) / Math.Max(Median(runs[PipelineMode.Sequential]), 1e-9);
            Console.WriteLine($"queued / sequential (median): {ratio:N2}x");
            var ceiling = MappingCeiling.Mean(ceilingBefore, MappingCeiling.Measure(compiled, xml, result.GetValue(workers), ceilingTime));
            CeilingReport.Print(ceiling, runs);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Other work on the machine skews every figure; say how busy it was (Linux only).</summary>
    private static string LoadAverage() => MachineInfo.LoadAverageNow() is { } load ? ", load average " + load : "";

    private static double Median(List<RunReport> reports) => reports.Select(r => r.AppsPerSecond).Order().ElementAt(reports.Count / 2);
}

using System.CommandLine;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using XmlShred.Contract;
using XmlShred.Loading;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Synthetic;

namespace XmlShred.Cli.Commands;

/// <summary><c>bench run</c>: queued vs sequential on the same corpus, each repeat in a fresh child process.</summary>
internal static class BenchRunCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "SQLite file the runs write to (recreated for every repeat; a .template copy holds the loaded corpus), or a PostgreSQL/SQL Server connection (emptied for every repeat).", Required = true };
        var repeats = new Option<int>("--repeats") { Description = "Runs per mode.", DefaultValueFactory = _ => 3 };
        var count = new Option<int>("--count") { Description = "Applications in the corpus.", DefaultValueFactory = _ => 6000 };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "Folder of sample XML files to replicate (default: ../shared/reference/samples/cc when present, else generated documents)." };
        var contract = new Option<FileInfo?>("--contract") { Description = "Contract for the samples (default: the reference CC contract beside the samples, else the bundled example)." };
        var maxKb = new Option<int>("--max-sample-kb") { Description = "Ignore sample files bigger than this (staged production documents are ~8 KB).", DefaultValueFactory = _ => 64 };
        var workers = new Option<int>("--workers") { Description = "Mapping workers for both modes.", DefaultValueFactory = _ => Environment.ProcessorCount };
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
            var server = BenchServerTarget.IsServer(result.GetRequiredValue(db));
            var path = server ? result.GetRequiredValue(db) : Path.GetFullPath(result.GetRequiredValue(db));
            var (contractPath, documents) = Corpus(result.GetValue(samples), result.GetValue(contract), result.GetValue(count), result.GetValue(maxKb));
            var compiled = ContractLoader.LoadFile(contractPath);
            var template = path + ".template";
            if (server) await BenchServerTarget.PrepareAsync(path, compiled, documents, cancellationToken).ConfigureAwait(false);
            else await PrepareTemplateAsync(template, compiled, documents, cancellationToken).ConfigureAwait(false);
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
                    if (server) await BenchServerTarget.ResetAsync(path, compiled, cancellationToken).ConfigureAwait(false);
                    var report = await RunChildAsync(server ? null : template, path, contractPath, mode, result.GetValue(workers), result.GetValue(batchSize), cancellationToken).ConfigureAwait(false);
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
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? ", load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static double Median(List<RunReport> reports) => reports.Select(r => r.AppsPerSecond).Order().ElementAt(reports.Count / 2);

    /// <summary>The sample files (replicated with fresh ids) and their contract.</summary>
    private static (string Contract, List<SourceDocument> Documents) Corpus(DirectoryInfo? samples, FileInfo? contract, int count, int maxKb)
    {
        var folder = samples?.FullName ?? FindReferenceSamples();
        if (folder is null) return Generated(contract, count);
        var reference = Path.GetFullPath(Path.Combine(folder, "..", "..", "contracts", "mapping_contract_cc.json"));
        var contractPath = contract?.FullName ?? (File.Exists(reference) ? reference : CommonOptions.BundledContractPath);
        var bases = Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal)
            .Where(f => new FileInfo(f).Length <= maxKb * 1024L)
            .Select(File.ReadAllText)
            .Where(x => RequestIdReader.Read(x).AppId is not null)
            .ToList();
        if (bases.Count == 0) throw new UsageException($"no sample XML files of at most {maxKb} KB with a Request/@ID in {folder}");
        var stride = CorpusReplicator.StrideFor(bases);
        var documents = new List<SourceDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var xml = CorpusReplicator.Rewrite(bases[i % bases.Count], i / bases.Count, stride);
            documents.Add(new SourceDocument(RequestIdReader.Read(xml).AppId!.Value, xml));
        }
        return (contractPath, documents);
    }

    /// <summary>Without reference samples (a user's clone): synthetic documents for the bundled example contract.</summary>
    private static (string Contract, List<SourceDocument> Documents) Generated(FileInfo? contract, int count)
    {
        var generator = new DocumentGenerator(new GeneratorOptions { Count = count, Seed = 7 });
        return (contract?.FullName ?? CommonOptions.BundledContractPath, generator.Generate().Select(d => new SourceDocument(d.AppId, d.Xml)).ToList());
    }

    private static string? FindReferenceSamples()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "reference", "samples", "cc"), Path.Combine(dir.FullName, "..", "shared", "reference", "samples", "cc") })
                {
                    if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
                }
            }
        }
        return null;
    }

    private static async Task PrepareTemplateAsync(string template, CompiledContract contract, List<SourceDocument> documents, CancellationToken cancellationToken)
    {
        DeleteDatabase(template);
        await using (var database = TargetDatabaseFactory.Open(template))
        {
            await database.EnsureSchemaAsync(contract, cancellationToken).ConfigureAwait(false);
            foreach (var chunk in documents.Chunk(1000)) await database.LoadSourceAsync(contract, chunk, replace: false, cancellationToken).ConfigureAwait(false);
        }
        // Fold the WAL into the main file so a plain file copy is a complete database.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = template, Pooling = false }.ToString()))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }

    /// <param name="template">The SQLite file to copy to <paramref name="db"/> first; null for a server target (already emptied).</param>
    private static async Task<RunReport> RunChildAsync(string? template, string db, string contract, PipelineMode mode, int workers, int batchSize, CancellationToken cancellationToken)
    {
        string reportPath;
        if (template is null)
        {
            reportPath = Path.Combine(Path.GetTempPath(), $"xmlshred-bench-{Guid.NewGuid():N}.report.json");
        }
        else
        {
            DeleteDatabase(db);
            File.Copy(template, db);
            reportPath = db + ".report.json";
        }
        var info = SelfLauncher.StartInfo(["run", "--db", db, "--contract", contract, "--mode", mode.ToString().ToLowerInvariant(), "--no-progress",
            "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--batch-size", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--report", reportPath]);
        info.Environment["DOTNET_TieredPGO"] = "1";
        using var child = Process.Start(info) ?? throw new InvalidOperationException("could not start the benchmark child process");
        var stdout = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (child.ExitCode is not (ExitCodes.Success or ExitCodes.SomeApplicationsFailed))
            throw new InvalidOperationException($"benchmark run exited with {child.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        return RunReport.ReadFrom(reportPath);
    }

    private static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix)) File.Delete(path + suffix);
        }
    }
}

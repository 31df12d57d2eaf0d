using System.CommandLine;
using System.Diagnostics;
using System.Text;
using XmlShred.Storage;
using XmlShred.Synthetic;

namespace XmlShred.Cli.Commands;

/// <summary>`xmlshred generate`: writes synthetic applications that fit examples/contract.json, for demos and load tests.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n")
        {
            Description = "How many documents to write.",
            Required = true,
        };
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Folder to write <file>.xml into; created if missing. Give either --out or --db.",
        };
        var db = CommonOptions.Db("Write the documents straight into this database's source table instead of files (run `init` first; "
            + "give --contract too). Much faster than generate + load for big corpora: no files, no second parse, large transactions.");
        db.Required = false;
        var contract = CommonOptions.Contract(required: false, description: "With --db: the mapping contract that names the source table and column.");
        var batch = new Option<int>("--batch-size")
        {
            Description = "With --db: documents per transaction.",
            DefaultValueFactory = _ => 5000,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed: the same seed always writes the same files.",
            DefaultValueFactory = _ => 1,
        };
        var invalidRate = new Option<double>("--invalid-rate")
        {
            Description = "Share (0..1) of deliberately invalid documents: truncated XML, missing or non-numeric Request/@ID, "
                + "a DOCTYPE, or a wrong application element.",
            DefaultValueFactory = _ => 0,
        };
        var firstAppId = new Option<long>("--first-app-id")
        {
            Description = "Request/@ID of the first document; the rest follow consecutively (max 99999999).",
            DefaultValueFactory = _ => 1,
        };

        var maxKb = new Option<int>("--max-kb")
        {
            Description = "Largest document size aimed at, in KB (16 to 2048). Lower it for soak runs: a million documents "
                + "of the default spread take ~56 GB as files and as much again in the database.",
            DefaultValueFactory = _ => 2048,
        };

        var command = new Command("generate",
            "Write synthetic credit-card applications (<Provenir> XML) that fit examples/contract.json.\n"
            + "Sizes follow a skewed spread from 10 KB to 2 MB (median ~40 KB); values include the messy spellings real feeds have.\n\n"
            + "Broken documents (--invalid-rate) go into the source table under the app id they were built for, so the run rejects and logs them.\n\n"
            + "Examples:\n  xmlshred generate --count 500 --out ./demo-xml --seed 7 --invalid-rate 0.02\n"
            + "  xmlshred generate --count 1000000 --db soak.db --contract examples/contract.json --max-kb 16");
        command.Options.Add(count);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(invalidRate);
        command.Options.Add(firstAppId);
        command.Options.Add(maxKb);
        command.Options.Add(db);
        command.Options.Add(contract);
        command.Options.Add(batch);

        CliAction.Set(command, async (r, cancellationToken) =>
        {
            var options = new GeneratorOptions
            {
                Count = r.GetValue(count),
                Seed = r.GetValue(seed),
                InvalidRate = r.GetValue(invalidRate),
                FirstAppId = r.GetValue(firstAppId),
                MaxBytes = r.GetValue(maxKb) * 1024,
            };
            // the invocation's writers (Console by default) let tests capture the report without touching Console
            var (stdout, stderr) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                stderr.WriteLine($"generate: {ex.Message}");
                return ExitCodes.UsageError;
            }
            var connection = r.GetValue(db);
            var folder = r.GetValue(output);
            if ((connection is null) == (folder is null)) throw new UsageException("give either --out <folder> or --db <database> (with --contract)");
            if (connection is not null)
            {
                var size = r.GetValue(batch);
                if (size < 1) throw new UsageException("--batch-size must be at least 1");
                var compiled = CommonOptions.LoadContract(r.GetValue(contract));
                await SchemaGuard.RequireAsync(connection, compiled, cancellationToken).ConfigureAwait(false);
                await using var database = TargetDatabaseFactory.Open(connection);
                return await ToDatabaseAsync(options, database, compiled, size, stdout, stderr, cancellationToken).ConfigureAwait(false);
            }
            try
            {
                if (File.Exists(folder!.FullName)) throw new IOException($"--out {folder.FullName} is a file; give a folder (it is created if missing)");
                folder.Create();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"generate: {ex.Message}");
                return ExitCodes.UsageError;
            }
            return Run(options, folder, stdout, stderr);
        });
        return command;
    }

    private static int Run(GeneratorOptions options, DirectoryInfo folder, TextWriter stdout, TextWriter stderr)
    {
        var stats = new CorpusStats();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var clock = Stopwatch.StartNew();
        var progress = new Progress(options.Count, stats, clock, stderr);
        foreach (var document in new DocumentGenerator(options).Generate())
        {
            File.WriteAllText(Path.Combine(folder.FullName, document.FileName + ".xml"), document.Xml, utf8);
            stats.Add(document);
            progress.Report();
        }
        stdout.WriteLine($"Wrote {stats.Count} documents to {folder.FullName} in {clock.Elapsed.TotalSeconds:0.0} s");
        Summarize(stats, stdout);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Documents go into the source table in transactions of <paramref name="batchSize"/>; app ids already there are
    /// kept (counted as already present), like <c>load</c> without <c>--replace</c>.
    /// </summary>
    private static async Task<int> ToDatabaseAsync(GeneratorOptions options, ITargetDatabase database, Contract.CompiledContract contract, int batchSize,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var stats = new CorpusStats();
        var clock = Stopwatch.StartNew();
        var progress = new Progress(options.Count, stats, clock, stderr);
        int inserted = 0, present = 0;
        foreach (var chunk in new DocumentGenerator(options).Generate().Chunk(batchSize))
        {
            var outcome = await database.LoadSourceAsync(contract, chunk.Select(d => new SourceDocument(d.AppId, d.Xml)).ToList(), replace: false, cancellationToken)
                .ConfigureAwait(false);
            inserted += outcome.Inserted;
            present += outcome.Skipped;
            foreach (var document in chunk)
            {
                stats.Add(document);
                progress.Report();
            }
        }
        stdout.WriteLine($"Wrote {stats.Count} documents into {contract.SourceTable} of {database.DisplayName} in {clock.Elapsed.TotalSeconds:0.0} s: "
            + $"{inserted} inserted, {present} already present (kept)");
        Summarize(stats, stdout);
        return ExitCodes.Success;
    }

    /// <summary>On a terminal one line updates in place; redirected, a line every 5 % keeps logs short.</summary>
    private sealed class Progress(int total, CorpusStats stats, Stopwatch clock, TextWriter stderr)
    {
        private readonly bool _live = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        private readonly int _step = Math.Max(1, total / 20);

        public void Report()
        {
            if (stats.Count % _step != 0 && stats.Count != total) return;
            var line = $"generated {stats.Count}/{total} ({stats.TotalBytes / 1048576.0:0.0} MB, {clock.Elapsed.TotalSeconds:0.0} s)";
            if (_live) stderr.Write("\r" + line + (stats.Count == total ? "\n" : ""));
            else stderr.WriteLine(line);
        }
    }

    private static void Summarize(CorpusStats stats, TextWriter stdout)
    {
        stdout.WriteLine($"  total  {stats.TotalBytes / 1048576.0:0.0} MB");
        stdout.WriteLine($"  size   min {Kb(stats.Min)}, median {Kb(stats.Median)}, p90 {Kb(stats.Percentile(0.9))}, max {Kb(stats.Max)}");
        var invalid = stats.InvalidByKind.Count == 0 ? "none" : string.Join(", ", stats.InvalidByKind.Select(kv => $"{kv.Key} {kv.Value}"));
        stdout.WriteLine($"  invalid {stats.InvalidCount}: {invalid}");
    }

    private static string Kb(long bytes) => $"{bytes / 1024.0:0.0} KB";
}

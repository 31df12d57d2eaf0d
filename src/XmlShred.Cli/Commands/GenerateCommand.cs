using System.CommandLine;
using System.Diagnostics;
using System.Text;
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
            Description = "Folder to write <file>.xml into; created if missing.",
            Required = true,
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
            + "Example:\n  xmlshred generate --count 500 --out ./demo-xml --seed 7 --invalid-rate 0.02");
        command.Options.Add(count);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(invalidRate);
        command.Options.Add(firstAppId);
        command.Options.Add(maxKb);

        command.SetAction((ParseResult r) =>
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
            var folder = r.GetValue(output)!;
            try
            {
                if (File.Exists(folder.FullName)) throw new IOException($"--out {folder.FullName} is a file; give a folder (it is created if missing)");
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
        // on a terminal one line updates in place; redirected, a line every 5% keeps logs short
        var live = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var step = Math.Max(1, options.Count / 20);
        foreach (var document in new DocumentGenerator(options).Generate())
        {
            File.WriteAllText(Path.Combine(folder.FullName, document.FileName + ".xml"), document.Xml, utf8);
            stats.Add(document);
            if (stats.Count % step != 0 && stats.Count != options.Count) continue;
            var progress = $"generated {stats.Count}/{options.Count} ({stats.TotalBytes / 1048576.0:0.0} MB, {clock.Elapsed.TotalSeconds:0.0} s)";
            if (live) stderr.Write("\r" + progress + (stats.Count == options.Count ? "\n" : ""));
            else stderr.WriteLine(progress);
        }
        stdout.WriteLine($"Wrote {stats.Count} documents to {folder.FullName} in {clock.Elapsed.TotalSeconds:0.0} s");
        stdout.WriteLine($"  total  {stats.TotalBytes / 1048576.0:0.0} MB");
        stdout.WriteLine($"  size   min {Kb(stats.Min)}, median {Kb(stats.Median)}, p90 {Kb(stats.Percentile(0.9))}, max {Kb(stats.Max)}");
        var invalid = stats.InvalidByKind.Count == 0 ? "none" : string.Join(", ", stats.InvalidByKind.Select(kv => $"{kv.Key} {kv.Value}"));
        stdout.WriteLine($"  invalid {stats.InvalidCount}: {invalid}");
        return ExitCodes.Success;
    }

    private static string Kb(long bytes) => $"{bytes / 1024.0:0.0} KB";
}

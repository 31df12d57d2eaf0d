using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Xml;
using XmlShred.Mapping;

namespace XmlShred.Cli.Commands;

/// <summary>
/// <c>xmlshred bench map</c>: single-thread mapping throughput beside a bare XmlReader scan of the same documents,
/// measured alternately in one process so machine noise hits both alike.
/// </summary>
internal static class BenchMapCommand
{
    public static Command Create()
    {
        var contract = CommonOptions.Contract(required: false, "Contract to map with (or --contract-dir).");
        var contractDir = new Option<DirectoryInfo?>("--contract-dir") { Description = "Folder of contracts (product line picked per document)." };
        var seconds = new Option<double>("--seconds") { Description = "Measuring time per round and side.", DefaultValueFactory = _ => 2.0 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds (scan, map); the median is reported.", DefaultValueFactory = _ => 5 };
        var inputs = new Argument<string[]>("inputs") { Description = "XML files or folders.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("map", """
            Measures single-thread mapping throughput (docs/s, MB/s) over the given documents, beside a bare XmlReader
            scan (every node and attribute value read, nothing kept) of the same documents in the same run.
            Example: xmlshred bench map -c contracts/credit_card.json samples/
            """) { contract, contractDir, seconds, rounds, inputs };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            Func<string, MappingResult> mapper;
            try
            {
                mapper = CliContracts.CreateMapper(parse.GetValue(contract), parse.GetValue(contractDir), "auto", MappingOptions.Default);
            }
            catch (Exception ex) when (ex is Contract.ContractException or IOException or ArgumentException)
            {
                stderr.WriteLine(ex.Message);
                return ExitCodes.UsageError;
            }
            var files = CliInputs.ExpandXmlFiles(parse.GetValue(inputs)!, out var missing);
            if (files.Count == 0 || missing.Count > 0)
            {
                stderr.WriteLine($"error: no documents ({string.Join(", ", missing)})");
                return ExitCodes.UsageError;
            }
            var docs = files.Select(File.ReadAllText).ToArray();
            var megabytes = docs.Sum(d => (double)Encoding.UTF8.GetByteCount(d)) / (1024 * 1024);
            var mapped = docs.Count(d => mapper(d).Outcome == MappingOutcome.Mapped);
            stdout.WriteLine($"{docs.Length} documents, {megabytes:F2} MB, {mapped} mapped, {docs.Length - mapped} rejected; 1 thread; {parse.GetValue(rounds)} rounds of {parse.GetValue(seconds):F1} s per side; rates per CPU second");

            var budget = TimeSpan.FromSeconds(parse.GetValue(seconds));
            Measure(docs, budget, Scan); // warm-up both sides
            Measure(docs, budget, d => mapper(d));
            var scanRates = new List<double>();
            var mapRates = new List<double>();
            for (var round = 0; round < parse.GetValue(rounds); round++)
            {
                scanRates.Add(Measure(docs, budget, Scan));
                mapRates.Add(Measure(docs, budget, d => mapper(d)));
            }
            var scan = Median(scanRates);
            var map = Median(mapRates);
            var perDocMb = megabytes / docs.Length;
            stdout.WriteLine($"bare XmlReader scan: {scan,8:F0} docs/s  {scan * perDocMb,7:F1} MB/s  (min {scanRates.Min():F0}, max {scanRates.Max():F0})");
            stdout.WriteLine($"map (parse + rows):  {map,8:F0} docs/s  {map * perDocMb,7:F1} MB/s  (min {mapRates.Min():F0}, max {mapRates.Max():F0})");
            stdout.WriteLine($"map / scan: {map / scan:P0}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Documents per CPU second of this process over whole passes until the budget is spent. CPU time, not wall time,
    /// so that other processes on a busy 2-core machine skew the two sides less.
    /// </summary>
    private static double Measure(string[] docs, TimeSpan budget, Action<string> work)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long count = 0;
        do
        {
            foreach (var doc in docs) work(doc);
            count += docs.Length;
        }
        while (watch.Elapsed < budget);
        process.Refresh();
        return count / (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    }

    private static readonly XmlReaderSettings s_scanSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };

    /// <summary>The baseline: read every node and every attribute value, keep nothing. Malformed documents stop early, as in mapping.</summary>
    private static void Scan(string doc)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(doc), s_scanSettings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                while (reader.MoveToNextAttribute()) _ = reader.Value;
            }
        }
        catch (XmlException)
        {
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

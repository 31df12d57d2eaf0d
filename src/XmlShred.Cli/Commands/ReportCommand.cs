using System.CommandLine;
using XmlShred.Benchmarking.Charts;
using XmlShred.Benchmarking.Reports;
using XmlShred.Benchmarking.Tuning;
using XmlShred.Pipeline;

namespace XmlShred.Cli.Commands;

/// <summary><c>xmlshred report run.json --out dir</c>: the charts of one run and a page that shows them.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("report") { Description = "A run report written by `xmlshred run --report run.json`, or a tune.json written by `xmlshred bench tune`." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for index.html and the charts (PNG and SVG); created if missing.", Required = true };
        var command = new Command("report", """
            Draw one run from its --report JSON: queue depths, throughput and memory over time, batch latency (histogram
            and p50/p95/p99 over time) and where each worker's time went, plus index.html with the charts and the
            summary table (self-contained: open it in any browser).
            Given a tune.json from `bench tune`, re-reads the sweep with the current analysis and writes tune.md and
            its charts again, without re-running any point.
            Example: xmlshred run --db shred.db --contract c.json --report run.json
                     xmlshred report run.json --out run-report
            """)
        { input, output };
        CliAction.Set(command, (result, _) =>
        {
            var file = result.GetRequiredValue(input);
            if (!file.Exists) throw new FileNotFoundException($"run report '{file.FullName}' does not exist");
            var folder = Directory.CreateDirectory(result.GetRequiredValue(output).FullName).FullName;
            if (TuneResult.IsTuneFile(file.FullName))
            {
                var tune = TuneResult.ReadFrom(file.FullName).Reanalysed();
                tune.WriteTo(Path.Combine(folder, "tune.json"));
                var tuneCharts = TuneCharts.Write(tune, folder);
                File.WriteAllText(Path.Combine(folder, "tune.md"), TuneMarkdown.Render(tune, tuneCharts));
                Console.WriteLine($"Wrote {Path.Combine(folder, "tune.md")} and {tuneCharts.Count} charts (PNG + SVG) from {tune.Points.Count} measured points.");
                return Task.FromResult(ExitCodes.Success);
            }
            var report = RunReport.ReadFrom(file.FullName);
            var charts = RunCharts.Write(report, folder);
            var page = Path.Combine(folder, "index.html");
            File.WriteAllText(page, ReportPage.Render(report, charts, folder));
            Console.WriteLine($"Wrote {page} and {charts.Count} charts: {string.Join(", ", charts.Select(c => c.Name))} (each .png and .svg).");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}

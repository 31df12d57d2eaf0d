using System.Globalization;
using System.Text;

namespace XmlShred.Benchmarking.Tuning;

/// <summary>tune.md: the measured table, the bottleneck, the recommendation, and the charts.</summary>
public static class TuneMarkdown
{
    public static string Render(TuneResult result, IReadOnlyList<string> charts)
    {
        var s = result.Settings;
        var r = result.Recommendation;
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line("# Tuning sweep");
        Line();
        Line(Invariant($"Target {s.TargetKind} (`{s.Target}`), contract `{Path.GetFileName(s.Contract)}`, corpus: {s.Corpus} ({s.Applications:N0} applications, {s.CorpusMegabytes:N1} MB of XML)."));
        Line(Invariant($"Machine: {result.Machine.Cores} cores, {result.Machine.Os}, {result.Machine.Runtime}; load average {result.LoadAverageAtStart ?? "n/a"} at the start, {result.LoadAverageAtEnd ?? "n/a"} at the end."));
        Line(Invariant($"Each point is the median of {s.Repeats} run(s), each `xmlshred run` in a fresh child process on a fresh target; the sweep took {s.SweepSeconds:N0} s{(s.BudgetSeconds is { } b ? Invariant($" of a {b:N0} s budget") : "")}."));
        if (TuneAnalysis.BusyMachineCaution(result.LoadAverageAtStart, result.LoadAverageAtEnd, result.Machine.Cores, s.Repeats) is { } caution)
        {
            Line();
            Line($"> **Caution**: {caution}");
        }
        Line();
        Line("## Recommendation");
        Line();
        if (r.Best is null)
        {
            Line(r.Bottleneck);
        }
        else
        {
            Line(Invariant($"**{r.Best}**: {r.BestAppsPerSecond:N0} apps/s at {r.BestPeakRssMb:N0} MB peak RSS, ") + (r.WithinMemoryCap
                ? Invariant($"the best throughput within the {s.MemoryCapMb:N0} MB memory cap.")
                : Invariant($"the leanest point: no setting stayed within the {s.MemoryCapMb:N0} MB memory cap.")));
            Line();
            Line($"```\n{r.Command}\n```");
            Line();
            Line($"- **Bottleneck**: {r.Bottleneck}");
            foreach (var item in r.Saturation) Line($"- **Saturation**, {item}");
            Line($"- **More cores**: {r.MoreCores}");
        }
        Line();
        Line("## Points");
        Line();
        Line("| workers | queue | batch | apps/s | apps/CPU-s | peak RSS MB | insert p50 / p95 / p99 ms | workers busy % | workers blocked on full queue s | writer idle on empty queue s | elapsed s |");
        Line("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var p in result.Points.OrderBy(p => p.Workers).ThenBy(p => p.QueueSize).ThenBy(p => p.BatchSize))
        {
            var mark = r.Best == p.Settings ? " **←**" : "";
            Line(Invariant($"| {p.Workers} | {p.QueueSize:N0} | {p.BatchSize:N0} | {p.AppsPerSecond:N0}{mark} | {p.AppsPerCpuSecond:N0} | {p.PeakRssMb:N0} | {p.InsertLatencyP50Ms:N1} / {p.InsertLatencyP95Ms:N1} / {p.InsertLatencyP99Ms:N1} | {p.WorkerBusyPercent:N0} | {p.WorkersWaitedOnFullQueueSeconds:N2} | {p.WriterWaitedOnEmptyQueueSeconds:N2} | {p.ElapsedSeconds:N2} |"));
        }
        if (result.Skipped.Count > 0)
        {
            Line();
            Line(Invariant($"Skipped ({result.Skipped.Count}, the budget ran out): {string.Join("; ", result.Skipped)}."));
        }
        if (charts.Count > 0)
        {
            Line();
            Line("## Charts");
            Line();
            foreach (var chart in charts) Line($"![{chart}]({chart}.png) ([SVG]({chart}.svg))");
        }
        return md.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Net;
using System.Text;
using XmlShred.Benchmarking.Charts;
using XmlShred.Pipeline;

namespace XmlShred.Benchmarking.Reports;

/// <summary>
/// index.html for one run: the summary table and every chart in one file that opens anywhere. Charts are embedded as
/// data URIs (so the page survives being mailed or attached alone) and link to their PNG and SVG files beside it.
/// </summary>
public static class ReportPage
{
    public static string Render(RunReport report, IReadOnlyList<RunCharts.Chart> charts, string folder)
    {
        var html = new StringBuilder();
        void Add(string text) => html.Append(text).Append('\n');
        Add("<!DOCTYPE html>");
        Add("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        Add($"<title>XmlShred run {E(report.RunId)}</title>");
        Add("""
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}
            h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
            table{border-collapse:collapse;margin:.5rem 0} td,th{padding:.25rem .7rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
            th{color:#555;font-weight:600;white-space:nowrap} td.n{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1.5rem 0} figure img{max-width:100%;border:1px solid #eee} figcaption{color:#555;font-size:.9rem}
            .fail{color:#a00}
            </style>
            """);
        Add("</head><body>");
        Add($"<h1>XmlShred run <code>{E(report.RunId)}</code></h1>");
        Add($"<p>{E(report.Succeeded.ToString("N0", CultureInfo.InvariantCulture))} succeeded, <span class=\"{(report.Failed > 0 ? "fail" : "")}\">{E(report.Failed.ToString("N0", CultureInfo.InvariantCulture))} failed</span> in {F(report.ElapsedSeconds, "N1")} s: <b>{F(report.AppsPerSecond, "N0")} apps/s</b>{(report.Interrupted ? " (interrupted by Ctrl+C)" : "")}.</p>");

        Add("<h2>Summary</h2><table>");
        Row("started / ended (UTC)", $"{report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} / {report.EndedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}");
        Row("version", report.Version);
        Row("target", $"{report.Target.Kind}: {report.Target.Server}");
        Row("contract", $"{report.Contract.Path ?? "(not a file)"} (sha256 {report.Contract.Hash})");
        var s = report.Settings;
        Row("settings", Invariant($"mode {s.Mode}, {s.Workers} workers, batch {s.BatchSize}, page {s.PageSize}, work queue {s.WorkQueueSize}, insert queue {s.QueueSize}, memory budget {s.MemoryBudget / 1048576.0:N0} MB")
            + (s.Limit is { } l ? Invariant($", limit {l}") : "") + (s.AppIdStart is { } a ? Invariant($", app_id ≥ {a}") : "") + (s.AppIdEnd is { } z ? Invariant($", app_id ≤ {z}") : "") + (s.Partition is { } p ? $", partition {p}" : ""));
        Row("read / succeeded / failed", Invariant($"{report.Read:N0} / {report.Succeeded:N0} / {report.Failed:N0}"));
        Row("throughput", Invariant($"{report.AppsPerSecond:N0} apps/s, {report.RowsPerSecond:N0} rows/s ({report.RowsWritten:N0} rows), {report.AppsPerCpuSecond:N0} apps per CPU-second"));
        var l2 = report.InsertLatencyMs;
        Row("batch latency", Invariant($"{l2.Count:N0} batches: p50 {l2.P50:N1} ms, p95 {l2.P95:N1} ms, p99 {l2.P99:N1} ms, max {l2.Max:N1} ms"));
        Row("memory", Invariant($"peak RSS {report.PeakWorkingSetBytes / 1048576.0:N0} MB; CPU {report.CpuSeconds:N1} s"));
        Row("stage time (s, summed over threads)", string.Join(", ", report.StageSeconds.Select(kv => Invariant($"{kv.Key} {kv.Value:N2}"))));
        Row("workers (busy / blocked / idle %)", string.Join("; ", report.WorkerUsage.Select(w => Invariant($"#{w.Id} {w.BusyPercent:N0} / {w.QueueWaitPercent:N0} / {w.IdlePercent:N0}"))));
        Add("</table>");

        if (report.Failed > 0)
        {
            Add($"<h2>Failed applications</h2><p>{E(report.FailedApplications.Total.ToString("N0", CultureInfo.InvariantCulture))} in all ({string.Join(", ", report.FailuresByStage.Select(kv => E($"{kv.Key}: {kv.Value}")))}); the first {report.FailedApplications.Listed.Count}:</p>");
            Add("<table><tr><th>app_id</th><th>stage</th><th>reason</th></tr>");
            foreach (var f in report.FailedApplications.Listed) Add($"<tr><td class=\"n\">{f.AppId}</td><td>{E(f.Stage)}</td><td>{E(f.Reason)}</td></tr>");
            Add("</table>");
        }

        Add("<h2>Charts</h2>");
        foreach (var chart in charts)
        {
            var png = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(folder, chart.Name + ".png")));
            Add($"<figure id=\"{E(chart.Name)}\"><a href=\"{E(chart.Name)}.svg\"><img src=\"data:image/png;base64,{png}\" alt=\"{E(chart.Title)}\" data-file=\"{E(chart.Name)}.png\"></a>");
            Add($"<figcaption><b>{E(chart.Title)}.</b> {E(chart.Caption)} Files: <a href=\"{E(chart.Name)}.png\">{E(chart.Name)}.png</a>, <a href=\"{E(chart.Name)}.svg\">{E(chart.Name)}.svg</a></figcaption></figure>");
        }
        if (charts.Count == 0) Add("<p>The report holds no time series (it was written by an older version), so there is nothing to draw.</p>");
        Add("</body></html>");
        return html.ToString();

        void Row(string name, string value) => Add($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using ScottPlot;
using XmlShred.Pipeline;

namespace XmlShred.Benchmarking.Charts;

/// <summary>The charts of one run, drawn from its <c>--report</c> JSON.</summary>
public static class RunCharts
{
    /// <summary>One chart: its file stem, a caption, and whether the report held the data for it.</summary>
    public sealed record Chart(string Name, string Title, string Caption);

    public static IReadOnlyList<Chart> Write(RunReport report, string folder)
    {
        var charts = new List<Chart>();
        void Add(string name, string title, string caption, Plot plot)
        {
            ChartFiles.Save(plot, folder, name);
            charts.Add(new Chart(name, title, caption));
        }
        var samples = report.Samples;
        if (samples.Count > 0)
        {
            Add("queue-depths", "Queue depths over time", "Documents waiting for a worker (work queue) and mapped applications waiting for the writer (insert queue). A full insert queue means the writer is the slow stage; an empty one, the workers.", QueueDepths(report));
            Add("throughput", "Throughput over time", "Applications finished per second (succeeded + failed), averaged over windows of at least one second (longer when a long run's samples were thinned).", Throughput(report));
            Add("memory", "Memory over time", "Resident set size of the process and the managed (GC) heap in use, sampled during the run.", Memory(report));
        }
        if (report.BatchSamples.Count > 0)
        {
            Add("batch-latency-histogram", "Batch latency", "Insert + commit time of each batch transaction.", LatencyHistogram(report));
            Add("batch-latency-over-time", "Batch latency percentiles over time", "p50, p95 and p99 of the batches that ended in each time window.", LatencyOverTime(report));
        }
        if (report.WorkerUsage.Count > 0) Add("worker-usage", "Where the time went, per worker", "Per mapping worker, as a share of its lifetime: mapping, holding a mapped application while the insert queue was full (blocked), and waiting for a document. The writer, as a share of the run: inserting and committing, waiting for work (the queue empty or a part-full batch lingering), and the rest (start-up, failure rows, bisecting).", WorkerUsage(report));
        return charts;
    }

    private static Plot QueueDepths(RunReport report)
    {
        var settings = report.Settings;
        var plot = ChartFiles.New($"Queue depths over time (capacity: work {settings.WorkQueueSize:N0}, insert {settings.QueueSize:N0})", "Time since start (s)", "Items waiting");
        var xs = report.Samples.Select(s => s.Seconds).ToArray();
        var work = report.Samples.Select(s => (double)s.WorkQueue).ToArray();
        var insert = report.Samples.Select(s => (double)s.InsertQueue).ToArray();
        Line(plot, xs, work, "work queue (documents for the workers)", 0);
        Line(plot, xs, insert, "insert queue (applications for the writer)", 1);
        var top = Math.Max(Math.Max(work.Max(), insert.Max()), 10);
        // A capacity line only where the queue came near it; otherwise it would flatten the curves (it is in the title).
        if (work.Max() >= settings.WorkQueueSize * 0.25)
        {
            plot.Add.HorizontalLine(settings.WorkQueueSize, 1, ChartFiles.Colors[0], LinePattern.Dotted).LegendText = "work queue full";
            top = Math.Max(top, settings.WorkQueueSize);
        }
        if (insert.Max() >= settings.QueueSize * 0.25)
        {
            plot.Add.HorizontalLine(settings.QueueSize, 1, ChartFiles.Colors[1], LinePattern.Dotted).LegendText = "insert queue full";
            top = Math.Max(top, settings.QueueSize);
        }
        plot.Axes.SetLimitsY(0, top * 1.3);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot Throughput(RunReport report)
    {
        var plot = ChartFiles.New("Throughput over time", "Time since start (s)", "Applications per second");
        var (xs, ys) = Rates(report.Samples);
        Line(plot, xs, ys, $"apps/s ({WindowLabel(xs)} windows)", 0);
        plot.Add.HorizontalLine(report.AppsPerSecond, 1, ChartFiles.Colors[3], LinePattern.Dashed).LegendText = $"whole run: {report.AppsPerSecond:N0} apps/s";
        plot.Axes.SetLimitsY(0, Math.Max(ys.DefaultIfEmpty(0).Max(), report.AppsPerSecond) * 1.15 + 1);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>The typical window of <see cref="Rates"/> (the median gap between points): a long run's samples are thinned, so it can be minutes.</summary>
    private static string WindowLabel(double[] xs)
    {
        if (xs.Length < 2) return "1 s";
        var gaps = xs.Zip(xs.Skip(1), (a, b) => b - a).Order().ToArray();
        var median = Math.Max(1, gaps[gaps.Length / 2]);
        return median < 90 ? $"{median:N0} s" : $"{median / 60:N1} min";
    }

    /// <summary>Finished applications per second over windows of at least one second (the raw samples are too jittery).</summary>
    public static (double[] Seconds, double[] Rates) Rates(IReadOnlyList<RunSample> samples)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var from = 0;
        for (var i = 1; i < samples.Count; i++)
        {
            var span = samples[i].Seconds - samples[from].Seconds;
            if (span < 1 && i < samples.Count - 1) continue;
            if (span <= 0) continue;
            xs.Add((samples[i].Seconds + samples[from].Seconds) / 2);
            ys.Add((samples[i].Processed - samples[from].Processed) / span);
            from = i;
        }
        return ([.. xs], [.. ys]);
    }

    private static Plot Memory(RunReport report)
    {
        var plot = ChartFiles.New("Memory over time", "Time since start (s)", "MB");
        var xs = report.Samples.Select(s => s.Seconds).ToArray();
        Line(plot, xs, [.. report.Samples.Select(s => s.WorkingSetBytes / 1048576.0)], "resident set (RSS)", 0);
        Line(plot, xs, [.. report.Samples.Select(s => s.GcHeapBytes / 1048576.0)], "managed heap in use", 2);
        plot.Add.HorizontalLine(report.PeakWorkingSetBytes / 1048576.0, 1, ChartFiles.Colors[3], LinePattern.Dashed).LegendText = $"peak RSS {report.PeakWorkingSetBytes / 1048576.0:N0} MB";
        plot.Axes.SetLimitsY(0, report.PeakWorkingSetBytes / 1048576.0 * 1.15);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static Plot LatencyHistogram(RunReport report)
    {
        var latencies = report.BatchSamples.Select(b => b.LatencyMs).ToArray();
        var plot = ChartFiles.New($"Batch latency ({latencies.Length:N0} batches of up to {report.Settings.BatchSize})", "Insert + commit time per batch (ms)", "Batches");
        var max = latencies.Max();
        var bins = Math.Clamp(latencies.Length / 3, 5, 40);
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, 0, max * 1.0001 + 1e-6);
        histogram.AddRange(latencies);
        var width = histogram.FirstBinSize;
        var bars = plot.Add.Bars(histogram.Bins.Select(b => b + width / 2).ToArray(), histogram.Counts);
        foreach (var bar in bars.Bars)
        {
            bar.Size = width * 0.95;
            bar.FillColor = ChartFiles.Colors[0];
            bar.LineWidth = 0;
        }
        var stats = report.InsertLatencyMs;
        var i = 1;
        foreach (var (label, value) in new[] { ("p50", stats.P50), ("p95", stats.P95), ("p99", stats.P99) })
        {
            plot.Add.VerticalLine(value, 2, ChartFiles.Colors[i++], LinePattern.Dashed).LegendText = $"{label} {value:N1} ms";
        }
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot LatencyOverTime(RunReport report)
    {
        var plot = ChartFiles.New("Batch latency percentiles over time", "Time since start (s)", "Insert + commit time per batch (ms)");
        var batches = report.BatchSamples;
        plot.Axes.SetLimitsX(0, Math.Max(report.ElapsedSeconds, batches.Max(b => b.Seconds)) * 1.02);
        if (batches.Count < 40)
        {
            // Too few batches for percentiles per window: show each batch.
            var each = plot.Add.Markers(batches.Select(b => b.Seconds).ToArray(), batches.Select(b => b.LatencyMs).ToArray(), MarkerShape.FilledCircle, 7, ChartFiles.Colors[0]);
            each.LegendText = $"each batch ({batches.Count}; too few for percentiles per window)";
            plot.Axes.SetLimitsY(0, batches.Max(b => b.LatencyMs) * 1.15);
            plot.ShowLegend(Alignment.UpperRight);
            return plot;
        }
        var start = batches.Min(b => b.Seconds);
        var end = batches.Max(b => b.Seconds);
        // At least ~20 batches per window, or p95 and p99 are the same batch.
        var windows = Math.Clamp(batches.Count / 20, 1, 30);
        var width = Math.Max((end - start) / windows, 1e-6);
        var groups = batches.GroupBy(b => Math.Min((int)((b.Seconds - start) / width), windows - 1)).OrderBy(g => g.Key).ToList();
        var xs = groups.Select(g => start + (g.Key + 0.5) * width).ToArray();
        var shapes = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp };
        var color = 0;
        foreach (var p in new[] { 0.50, 0.95, 0.99 })
        {
            var ys = groups.Select(g => LatencyStats.From([.. g.Select(b => b.LatencyMs)]) is var s ? (p == 0.50 ? s.P50 : p == 0.95 ? s.P95 : s.P99) : 0).ToArray();
            var line = plot.Add.Scatter(xs, ys, ChartFiles.Colors[color]);
            line.LegendText = $"p{p * 100:0}";
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.MarkerShape = shapes[color++];
        }
        plot.Title($"Batch latency percentiles over time ({windows} windows of {width:N1} s)");
        plot.Axes.SetLimitsY(0, batches.Max(b => b.LatencyMs) * 1.1);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot WorkerUsage(RunReport report)
    {
        var plot = ChartFiles.New("Where the time went: each mapping worker and the writer", "", "% of the worker's lifetime / of the run (writer)");
        var bars = new List<Bar>();
        var labels = new List<string>();
        var position = 0;
        void Stack(string label, params (double Value, Color Color)[] parts)
        {
            double bottom = 0;
            foreach (var (value, color) in parts)
            {
                bars.Add(new Bar { Position = position, ValueBase = bottom, Value = bottom + value, FillColor = color, LineWidth = 0, Size = 0.7 });
                bottom += value;
            }
            labels.Add(label);
            position++;
        }
        var mapping = ChartFiles.Colors[2];
        var blocked = ChartFiles.Colors[3];
        var starved = Colors.LightGray;
        var writing = ChartFiles.Colors[0];
        var empty = ChartFiles.Colors[1];
        var other = Colors.DarkGray;
        foreach (var worker in report.WorkerUsage) Stack($"worker {worker.Id}", (worker.BusyPercent, mapping), (worker.QueueWaitPercent, blocked), (worker.IdlePercent, starved));
        var elapsed = Math.Max(report.ElapsedSeconds, 1e-9);
        var write = Math.Min(100, 100 * (report.StageSeconds.GetValueOrDefault("insert") + report.StageSeconds.GetValueOrDefault("commit")) / elapsed);
        var wait = Math.Min(100 - write, 100 * report.StageSeconds.GetValueOrDefault(PipelineMetrics.StageName(PipelineStage.WriterWait)) / elapsed);
        Stack("writer", (write, writing), (wait, empty), (Math.Max(0, 100 - write - wait), other));
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        plot.Axes.SetLimitsY(0, 125);
        plot.Axes.SetLimitsX(-0.6, labels.Count - 0.4);
        plot.ShowLegend(
        [
            new LegendItem { LabelText = "mapping", FillColor = mapping },
            new LegendItem { LabelText = "blocked: insert queue full", FillColor = blocked },
            new LegendItem { LabelText = "waiting for a document", FillColor = starved },
            new LegendItem { LabelText = "writer: insert + commit", FillColor = writing },
            new LegendItem { LabelText = "writer: waiting for work", FillColor = empty },
            new LegendItem { LabelText = "writer: other (start-up, bisecting)", FillColor = other },
        ], Alignment.UpperCenter);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    private static void Line(Plot plot, double[] xs, double[] ys, string label, int color)
    {
        var line = plot.Add.ScatterLine(xs, ys, ChartFiles.Colors[color]);
        line.LegendText = label;
        line.LineWidth = 2;
    }
}

using ScottPlot;
using XmlShred.Benchmarking.Tuning;

namespace XmlShred.Benchmarking.Charts;

/// <summary>The charts of a tuning sweep: throughput heat maps, throughput against memory, latency against batch size.</summary>
public static class TuneCharts
{
    /// <summary>Writes every chart; returns the file stems (each has a .png and a .svg).</summary>
    public static IReadOnlyList<string> Write(TuneResult result, string folder)
    {
        var names = new List<string>();
        var points = result.Points;
        if (points.Count == 0) return names;
        var range = new ScottPlot.Range(points.Min(p => p.AppsPerSecond), Math.Max(points.Max(p => p.AppsPerSecond), points.Min(p => p.AppsPerSecond) + 1));
        foreach (var workers in result.Settings.Workers.Where(w => points.Any(p => p.Workers == w)))
        {
            var name = $"tune-heatmap-w{workers}";
            ChartFiles.Save(HeatMap(result, workers, range), folder, name, 760, 520);
            names.Add(name);
        }
        ChartFiles.Save(ThroughputAgainstMemory(result), folder, "tune-throughput-vs-rss");
        names.Add("tune-throughput-vs-rss");
        ChartFiles.Save(LatencyAgainstBatchSize(result), folder, "tune-latency-vs-batch");
        names.Add("tune-latency-vs-batch");
        return names;
    }

    /// <summary>Queue size across, batch size up; one shared colour scale for every worker count so the maps compare.</summary>
    private static Plot HeatMap(TuneResult result, int workers, ScottPlot.Range range)
    {
        var queues = result.Settings.QueueSizes;
        var batches = result.Settings.BatchSizes;
        var plot = ChartFiles.New($"Throughput (apps/s), {workers} worker{(workers == 1 ? "" : "s")}", "Insert queue size (applications)", "Batch size (applications)");
        var cells = new double[batches.Count, queues.Count];
        for (var row = 0; row < batches.Count; row++)
        {
            for (var column = 0; column < queues.Count; column++)
            {
                var point = result.Points.FirstOrDefault(p => p.Workers == workers && p.QueueSize == queues[column] && p.BatchSize == batches[batches.Count - 1 - row]);
                cells[row, column] = point?.AppsPerSecond ?? double.NaN;
            }
        }
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = range;
        heatmap.NaNCellColor = Colors.LightGray;
        heatmap.Position = new CoordinateRect(0, queues.Count - 1, 0, batches.Count - 1);
        // Cells as rectangles, not one tiny bitmap: an SVG viewer would blur a scaled-up bitmap into gradients.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        for (var row = 0; row < batches.Count; row++)
        {
            for (var column = 0; column < queues.Count; column++)
            {
                var value = cells[row, column];
                var text = plot.Add.Text(double.IsNaN(value) ? "skipped" : $"{value:N0}", column, batches.Count - 1 - row);
                text.LabelFontSize = 16;
                text.LabelBold = true;
                text.LabelAlignment = Alignment.MiddleCenter;
                // Dark text on the bright end of the colour map, light text on the dark end.
                text.LabelFontColor = double.IsNaN(value) || (value - range.Min) / Math.Max(range.Max - range.Min, 1e-9) > 0.6 ? Colors.Black : Colors.White;
            }
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, queues.Count).Select(i => (double)i)], [.. queues.Select(q => q.ToString("N0"))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, batches.Count).Select(i => (double)i)], [.. batches.Select(b => b.ToString("N0"))]);
        plot.Axes.SetLimits(-0.5, queues.Count - 0.5, -0.5, batches.Count - 0.5);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "apps/s";
        return plot;
    }

    internal static bool IsOnFrontier(TunePoint point, IReadOnlyList<TunePoint> points) =>
        !points.Any(other => !ReferenceEquals(other, point)
            && other.AppsPerSecond >= point.AppsPerSecond && other.PeakRssMb <= point.PeakRssMb
            && (other.AppsPerSecond > point.AppsPerSecond || other.PeakRssMb < point.PeakRssMb));

    private static Plot ThroughputAgainstMemory(TuneResult result)
    {
        var plot = ChartFiles.New("Throughput against peak memory (each point one setting; labelled: none faster and leaner)", "Peak RSS (MB)", "Applications per second");
        var color = 0;
        foreach (var group in result.Points.GroupBy(p => p.Workers).OrderBy(g => g.Key))
        {
            var markers = plot.Add.Markers(group.Select(p => p.PeakRssMb).ToArray(), group.Select(p => p.AppsPerSecond).ToArray(), MarkerShape.FilledCircle, 9, ChartFiles.Colors[color++ % ChartFiles.Colors.Length]);
            markers.LegendText = $"{group.Key} worker{(group.Key == 1 ? "" : "s")}";
            // Labels only on the frontier (no other point is both faster and leaner): a label on each of 48 points is unreadable.
            foreach (var point in group.Where(p => IsOnFrontier(p, result.Points)))
            {
                var label = plot.Add.Text($"q{point.QueueSize}/b{point.BatchSize}", point.PeakRssMb, point.AppsPerSecond);
                label.LabelFontSize = 10;
                label.LabelAlignment = Alignment.LowerLeft;
                label.OffsetX = 6;
                label.OffsetY = -4;
            }
        }
        var cap = result.Settings.MemoryCapMb;
        var maxRss = result.Points.Max(p => p.PeakRssMb);
        if (cap <= maxRss * 1.5) plot.Add.VerticalLine(cap, 2, ChartFiles.Colors[3], LinePattern.Dashed).LegendText = $"memory cap {cap:N0} MB";
        if (result.Recommendation.Best is { } best)
        {
            var chosen = plot.Add.Markers(new[] { result.Recommendation.BestPeakRssMb }, new[] { result.Recommendation.BestAppsPerSecond }, MarkerShape.OpenCircle, 20, Colors.Black);
            chosen.LegendText = $"recommended: {best}";
        }
        plot.Axes.SetLimitsY(0, result.Points.Max(p => p.AppsPerSecond) * 1.2);
        plot.Axes.SetLimitsX(Math.Max(0, result.Points.Min(p => p.PeakRssMb) * 0.8), Math.Max(maxRss, cap <= maxRss * 1.5 ? cap : 0) * 1.15);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>
    /// At the recommended queue size: p50, p95 and p99 of the batch insert latency for each batch size, per worker
    /// count. Both axes are logarithmic: batch sizes step by factors and p50 sits an order of magnitude below p99.
    /// </summary>
    private static Plot LatencyAgainstBatchSize(TuneResult result)
    {
        var queue = result.Recommendation.Best?.QueueSize ?? result.Points[0].QueueSize;
        var plot = ChartFiles.New($"Batch insert latency against batch size (queue {queue:N0}; log scales)", "Batch size (applications)", "Insert + commit time per batch (ms)");
        var patterns = new[] { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
        var shapes = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond };
        var selected = result.Points.Where(p => p.QueueSize == queue).ToList();
        var workerIndex = 0;
        foreach (var group in selected.GroupBy(p => p.Workers).OrderBy(g => g.Key))
        {
            var sorted = group.OrderBy(p => p.BatchSize).ToList();
            var xs = sorted.Select(p => Math.Log10(p.BatchSize)).ToArray();
            var percentiles = new (string Label, Func<TunePoint, double> Value)[] { ("p50", p => p.InsertLatencyP50Ms), ("p95", p => p.InsertLatencyP95Ms), ("p99", p => p.InsertLatencyP99Ms) };
            for (var i = 0; i < percentiles.Length; i++)
            {
                var line = plot.Add.Scatter(xs, sorted.Select(p => Math.Log10(Math.Max(percentiles[i].Value(p), 0.01))).ToArray(), ChartFiles.Colors[i]);
                line.LegendText = $"{percentiles[i].Label}, {group.Key} worker{(group.Key == 1 ? "" : "s")}";
                line.LinePattern = patterns[workerIndex % patterns.Length];
                line.MarkerShape = shapes[workerIndex % shapes.Length];
                line.LineWidth = 2;
                line.MarkerSize = 8;
            }
            workerIndex++;
        }
        var batches = selected.Select(p => p.BatchSize).Distinct().Order().ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. batches.Select(b => Math.Log10(b))], [.. batches.Select(b => b.ToString("N0"))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString(y < 0 ? "0.##" : "N0"),
        };
        var values = selected.SelectMany(p => new[] { p.InsertLatencyP50Ms, p.InsertLatencyP99Ms }).Select(v => Math.Log10(Math.Max(v, 0.01))).ToArray();
        plot.Axes.SetLimitsY(Math.Floor(values.Min()), Math.Ceiling(values.Max()) + 0.5);
        var span = Math.Max(Math.Log10(batches[^1]) - Math.Log10(batches[0]), 0.5);
        plot.Axes.SetLimitsX(Math.Log10(batches[0]) - span * 0.08, Math.Log10(batches[^1]) + span * 0.08);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }
}

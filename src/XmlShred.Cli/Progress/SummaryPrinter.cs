using XmlShred.Cli.Commands;
using XmlShred.Pipeline;

namespace XmlShred.Cli.Progress;

/// <summary>The short human summary on stdout after a run.</summary>
internal static class SummaryPrinter
{
    public static void Print(RunSummary summary, PipelineMetrics metrics)
    {
        var o = Console.Out;
        o.WriteLine($"Run {summary.RunId} ({summary.Mode.ToString().ToLowerInvariant()}): {Plural.Count(summary.Processed, "application")} in {summary.Elapsed.TotalSeconds:N1} s = {summary.AppsPerSecond:N0} apps/s");
        o.WriteLine($"  succeeded {summary.Succeeded:N0}, failed {summary.Failed:N0}, rows written {summary.RowsWritten:N0}");
        if (summary.DoneElsewhere > 0 || summary.Dropped > 0)
            o.WriteLine($"  done elsewhere {summary.DoneElsewhere:N0} (another instance logged them first; nothing written twice), left to another instance after a lost lease {summary.Dropped:N0}");
        if (summary.SkippedNullXml > 0) o.WriteLine($"  skipped {summary.SkippedNullXml:N0} source rows whose XML is NULL (no processing_log row is written for them)");
        foreach (var (stage, count) in summary.FailuresByStage) o.WriteLine($"  failed at {stage}: {count:N0}");
        foreach (var example in summary.FailureExamples.Take(5)) o.WriteLine($"    app {example.AppId}: {Shorten(example.FailureReason)}");
        var latency = LatencyStats.From(metrics.BatchLatenciesMs());
        if (latency.Count > 0)
            o.WriteLine($"  batch insert latency (ms) p50 {latency.P50:N1}, p95 {latency.P95:N1}, p99 {latency.P99:N1} over {Plural.Count(latency.Count, "batch", "batches")}");
        var stages = string.Join(", ", Enum.GetValues<PipelineStage>().Select(s => $"{PipelineMetrics.StageName(s)} {metrics.StageTime(s).TotalSeconds:N1}"));
        o.WriteLine($"  stage time (s, summed over threads): {stages}");
        var workers = metrics.Workers();
        if (workers.Count > 0) o.WriteLine($"  worker busy: {string.Join(", ", workers.Select(w => $"#{w.Id} {w.BusyPercent:N0}%"))}");
        if (summary.Retries > 0 || summary.OutageTime > TimeSpan.Zero)
            o.WriteLine($"  database faults: {summary.Retries:N0} retried, {summary.OutageTime.TotalSeconds:N1} s waiting for the database");
        if (summary.StoppedBy is not null) o.WriteLine("  stopped: the database stayed unavailable; every committed application is complete and logged; rerun the same command to continue.");
        else if (summary.Interrupted) o.WriteLine("  interrupted: everything read was committed; rerun the same command to continue.");
        else if (summary.Failed > 0) o.WriteLine("  some applications failed: see processing_log (status = 'failed') for each reason.");
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 160 ? text : text[..157] + "...";
}

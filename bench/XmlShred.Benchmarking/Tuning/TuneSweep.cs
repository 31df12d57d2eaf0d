using System.Diagnostics;
using XmlShred.Benchmarking.Runs;
using XmlShred.Benchmarking.Targets;
using XmlShred.Contract;
using XmlShred.Pipeline;

namespace XmlShred.Benchmarking.Tuning;

/// <summary>
/// Runs every grid point (each repeat a child process on a fresh target) within an optional time budget. A point is
/// started only when the budget leaves room for it, judged by the slowest run so far; the rest are reported as skipped.
/// </summary>
public sealed class TuneSweep(BenchTarget target, ChildRunner runner, string contractPath, CompiledContract contract, TextWriter log)
{
    public async Task<(IReadOnlyList<TunePoint> Points, IReadOnlyList<TuneSettings> Skipped)> RunAsync(
        TuneGrid grid, int repeats, TimeSpan? budget, string workFolder, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var slowestRun = TimeSpan.Zero;
        var points = new List<TunePoint>();
        var skipped = new List<TuneSettings>();
        var index = 0;
        foreach (var settings in grid.Points())
        {
            index++;
            if (budget is { } limit && clock.Elapsed + slowestRun * repeats > limit)
            {
                skipped.Add(settings);
                log.WriteLine($"  [{index}/{grid.Count}] {settings}: skipped (budget {limit:g} would be exceeded)");
                continue;
            }
            var reports = new List<RunReport>();
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                var started = clock.Elapsed;
                var db = await target.FreshAsync(contract, cancellationToken).ConfigureAwait(false);
                var reportPath = Path.Combine(workFolder, $"run-w{settings.Workers}-q{settings.QueueSize}-b{settings.BatchSize}-{repeat + 1}.json");
                reports.Add(await runner.RunAsync(db, contractPath, new ChildRunSettings(PipelineMode.Queued, settings.Workers, settings.BatchSize, settings.QueueSize), reportPath, cancellationToken).ConfigureAwait(false));
                var took = clock.Elapsed - started;
                if (took > slowestRun) slowestRun = took;
            }
            var point = TunePoint.From(settings, reports);
            points.Add(point);
            log.WriteLine($"  [{index}/{grid.Count}] {settings}: {point.AppsPerSecond:N0} apps/s, {point.AppsPerCpuSecond:N0} per CPU-s, peak RSS {point.PeakRssMb:N0} MB, insert p50/p95/p99 {point.InsertLatencyP50Ms:N1}/{point.InsertLatencyP95Ms:N1}/{point.InsertLatencyP99Ms:N1} ms, workers busy {point.WorkerBusyPercent:N0}%");
        }
        return (points, skipped);
    }
}

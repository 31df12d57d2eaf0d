using System.Globalization;

namespace XmlShred.Benchmarking.Tuning;

/// <summary>
/// Reads a sweep: the best point within a memory cap, which stage holds it back, where each knob stops paying, and
/// what a bigger machine should try. Plain rules over the measured waits, so the reasoning can be checked in tune.md.
/// </summary>
public static class TuneAnalysis
{
    /// <summary>A knob "still pays" while one step up gains more than this share of throughput.</summary>
    public const double MeaningfulGain = 0.05;

    private static readonly int[] WorkerSteps = [2, 4, 6, 8];

    public static TuneRecommendation Recommend(IReadOnlyList<TunePoint> points, double memoryCapMb, int cores)
    {
        if (points.Count == 0)
        {
            return new TuneRecommendation
            {
                Best = null, BestAppsPerSecond = 0, BestPeakRssMb = 0, WithinMemoryCap = false,
                Bottleneck = "no point was measured (the budget ran out before the first run finished)",
                Saturation = [], MoreCores = "run the sweep with a larger --budget", Command = "",
            };
        }
        var fitting = points.Where(p => p.PeakRssMb <= memoryCapMb).ToList();
        var best = fitting.Count > 0 ? fitting.MaxBy(p => p.AppsPerSecond)! : points.MinBy(p => p.PeakRssMb)!;
        return new TuneRecommendation
        {
            Best = best.Settings,
            BestAppsPerSecond = best.AppsPerSecond,
            BestPeakRssMb = best.PeakRssMb,
            WithinMemoryCap = fitting.Count > 0,
            Bottleneck = Bottleneck(best, cores),
            Saturation = [.. Saturation(points, best)],
            MoreCores = MoreCores(points, best, cores),
            Command = $"xmlshred run --workers {best.Workers} --batch-size {best.BatchSize} --queue-size {best.QueueSize}",
        };
    }

    /// <summary>Names the limiting stage from where the time went: who waited for whom.</summary>
    public static string Bottleneck(TunePoint point, int cores)
    {
        var evidence = string.Create(CultureInfo.InvariantCulture,
            $"workers busy {point.WorkerBusyPercent:0.#}% and blocked on a full insert queue {point.WorkerBlockedPercent:0.#}% of their time; the writer idle {point.WriterIdlePercent:0.#}% of the run; insert p50 {point.InsertLatencyP50Ms:0.#} ms");
        if (point.WorkerBlockedPercent >= 20)
            return $"the writer (database): workers wait for room in the insert queue ({evidence}). Larger batches or a faster target help; more workers do not.";
        if (point.WriterIdlePercent >= 30 && point.WorkerBusyPercent >= 60)
        {
            var cpu = point.Workers + 1 > cores ? $" {point.Workers} workers and the writer share {cores} cores, so the CPU is the ceiling." : "";
            return $"mapping (CPU): the workers are the slow stage and the writer waits for them ({evidence}).{cpu}";
        }
        if (point.WorkerBusyPercent < 60 && point.WorkerBlockedPercent < 20)
            return $"supply: workers are neither mapping nor blocked for much of the run, so they wait for documents from the reader or for a core ({evidence}).";
        return $"balanced: no stage waits much for another ({evidence}).";
    }

    public static IEnumerable<string> Saturation(IReadOnlyList<TunePoint> points, TunePoint best)
    {
        // Workers: the best throughput each worker count reached.
        var byWorkers = points.GroupBy(p => p.Workers).OrderBy(g => g.Key).Select(g => (Workers: g.Key, Rate: g.Max(p => p.AppsPerSecond))).ToList();
        if (byWorkers.Count > 1)
        {
            var stop = Enumerable.Range(0, byWorkers.Count - 1).FirstOrDefault(i => Gain(byWorkers[i].Rate, byWorkers[i + 1].Rate) < MeaningfulGain, -1);
            yield return stop < 0
                ? $"workers: throughput still rises at {byWorkers[^1].Workers} workers ({Steps(byWorkers.Select(w => (w.Workers, w.Rate)))} apps/s); this machine has not saturated within the grid."
                : $"workers: throughput saturates at {byWorkers[stop].Workers} worker(s): going to {byWorkers[stop + 1].Workers} changes it by {Gain(byWorkers[stop].Rate, byWorkers[stop + 1].Rate):+0%;-0%} ({Steps(byWorkers.Select(w => (w.Workers, w.Rate)))} apps/s).";
        }
        // Batch size and queue size at the best point's other settings.
        var batches = points.Where(p => p.Workers == best.Workers && p.QueueSize == best.QueueSize).OrderBy(p => p.BatchSize).ToList();
        if (batches.Count > 1)
        {
            var stop = Enumerable.Range(0, batches.Count - 1).FirstOrDefault(i => Gain(batches[i].AppsPerSecond, batches[i + 1].AppsPerSecond) < MeaningfulGain, -1);
            yield return stop < 0
                ? $"batch size: larger batches still pay up to {batches[^1].BatchSize} ({Steps(batches.Select(p => (p.BatchSize, p.AppsPerSecond)))} apps/s); p99 insert latency grows from {batches[0].InsertLatencyP99Ms:0.#} to {batches[^1].InsertLatencyP99Ms:0.#} ms."
                : $"batch size: gains stop at {batches[stop].BatchSize} ({Steps(batches.Select(p => (p.BatchSize, p.AppsPerSecond)))} apps/s); beyond it a batch only holds its transaction open longer (p99 {batches[stop].InsertLatencyP99Ms:0.#} → {batches[^1].InsertLatencyP99Ms:0.#} ms).";
        }
        var queues = points.Where(p => p.Workers == best.Workers && p.BatchSize == best.BatchSize).OrderBy(p => p.QueueSize).ToList();
        if (queues.Count > 1)
        {
            var spread = queues.Max(p => p.AppsPerSecond) / Math.Max(queues.Min(p => p.AppsPerSecond), 1e-9) - 1;
            yield return spread < MeaningfulGain
                ? $"queue size: barely matters here ({Steps(queues.Select(p => (p.QueueSize, p.AppsPerSecond)))} apps/s, within {spread:0%}): the queue only has to absorb one batch and the writer's pauses, so the smallest one that does keeps memory lowest."
                : $"queue size: matters ({Steps(queues.Select(p => (p.QueueSize, p.AppsPerSecond)))} apps/s, peak RSS {Steps(queues.Select(p => (p.QueueSize, p.PeakRssMb)))} MB): a deeper queue hides the writer's pauses behind mapping.";
        }
    }

    public static string MoreCores(IReadOnlyList<TunePoint> points, TunePoint best, int cores)
    {
        var perCpu = best.AppsPerCpuSecond;
        if (best.WorkerBlockedPercent >= 20)
            return $"More cores will not help until the writer is faster: it is the bottleneck here. Try larger --batch-size, a faster disk or server, or (on PostgreSQL/SQL Server) several processes with --partition k/n, each with its own writer.";
        var grid = string.Join(',', WorkerSteps.Where(w => w >= Math.Min(cores, 2)));
        return string.Create(CultureInfo.InvariantCulture,
            $"Mapping is the work that scales, and the single writer had room to spare (idle {best.WriterIdlePercent:0.#}% of the run). On a machine with more cores, sweep --workers {grid} (up to the core count, leaving about one core for the writer and the reader) with --batch-size {best.BatchSize}. At {perCpu:N0} apps per CPU-second measured here, N cores could approach roughly (N - 1) × {perCpu:N0} apps/s, until the writer's idle time reaches zero and the database becomes the limit. This {cores}-core machine cannot show where that happens.");
    }

    /// <summary>
    /// A warning when the machine was busier than its cores during the sweep: then every point shared the CPU with
    /// other work and differences in apps/s mostly measure that load, not the settings. Null on a quiet machine.
    /// </summary>
    public static string? BusyMachineCaution(string? loadAverageAtStart, string? loadAverageAtEnd, int cores, int repeats)
    {
        var load = new[] { loadAverageAtStart, loadAverageAtEnd }.Select(OneMinuteLoad).Where(l => l is not null).Max();
        if (load is not { } busiest || busiest <= cores) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"the machine was busy (1-minute load average up to {busiest:0.#} on {cores} cores): every run shared the CPU with other work, so differences in apps/s between points mostly measure that load, not the settings. Compare apps/CPU-s, and re-run{(repeats < 3 ? " with --repeats 3" : "")} on a quiet machine before acting on the recommendation.");
    }

    private static double? OneMinuteLoad(string? loadAverage) =>
        loadAverage?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } first
            && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;

    private static double Gain(double from, double to) => to / Math.Max(from, 1e-9) - 1;

    private static string Steps(IEnumerable<(int Key, double Value)> steps) =>
        string.Join(" → ", steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}: {s.Value:N0}")));
}

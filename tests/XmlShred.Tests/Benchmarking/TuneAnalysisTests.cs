using XmlShred.Benchmarking.Tuning;

namespace XmlShred.Tests.Benchmarking;

/// <summary>The recommendation rules over hand-made points (no runs: these are the sweep's conclusions, not its measurements).</summary>
public class TuneAnalysisTests
{
    private static TunePoint Point(int queue, int batch, int workers, double rate, double rssMb,
        double busy = 90, double workersBlocked = 0, double writerIdle = 5, double elapsed = 10) => new()
    {
        QueueSize = queue, BatchSize = batch, Workers = workers,
        AppsPerSecond = rate, AppsPerSecondRepeats = [rate], AppsPerCpuSecond = rate / 2, PeakRssMb = rssMb,
        InsertLatencyP50Ms = batch / 10.0, InsertLatencyP95Ms = batch / 5.0, InsertLatencyP99Ms = batch / 2.0,
        WorkerBusyPercent = busy, WorkersWaitedOnFullQueueSeconds = workersBlocked, WriterWaitedOnEmptyQueueSeconds = writerIdle,
        ElapsedSeconds = elapsed, Succeeded = 1000, Failed = 0,
    };

    [Fact]
    public void Recommend_PicksTheFastestPointWithinTheMemoryCap()
    {
        TunePoint[] points = [Point(500, 50, 1, 100, 120), Point(5000, 500, 2, 300, 400), Point(2000, 200, 2, 250, 200)];

        var recommendation = TuneAnalysis.Recommend(points, memoryCapMb: 256, cores: 2);

        Assert.Equal(new TuneSettings(2000, 200, 2), recommendation.Best);
        Assert.True(recommendation.WithinMemoryCap);
        Assert.Equal("xmlshred run --workers 2 --batch-size 200 --queue-size 2000", recommendation.Command);
    }

    [Fact]
    public void Recommend_FallsBackToTheLeanestPoint_WhenNoneFitsTheCap()
    {
        TunePoint[] points = [Point(500, 50, 1, 100, 300), Point(5000, 500, 2, 300, 400)];

        var recommendation = TuneAnalysis.Recommend(points, memoryCapMb: 256, cores: 2);

        Assert.Equal(new TuneSettings(500, 50, 1), recommendation.Best);
        Assert.False(recommendation.WithinMemoryCap);
    }

    [Fact]
    public void Recommend_WithNoPoints_SaysTheBudgetRanOut()
    {
        var recommendation = TuneAnalysis.Recommend([], 256, 2);

        Assert.Null(recommendation.Best);
        Assert.Contains("budget", recommendation.Bottleneck);
    }

    [Fact]
    public void Bottleneck_IsTheWriter_WhenWorkersWaitForRoomInTheQueue()
    {
        // Two workers blocked 8 s each of a 10 s run: 40 % of their time.
        var point = Point(500, 50, 2, 100, 100, busy: 55, workersBlocked: 8, writerIdle: 0);

        Assert.StartsWith("the writer", TuneAnalysis.Bottleneck(point, cores: 8));
        Assert.Contains("will not help until the writer is faster", TuneAnalysis.MoreCores([point], point, 8));
    }

    [Fact]
    public void Bottleneck_IsMapping_WhenTheWriterWaitsForBusyWorkers_AndNamesTheCpuWhenCoresRunOut()
    {
        var point = Point(500, 50, 2, 100, 100, busy: 95, workersBlocked: 0, writerIdle: 6);

        var text = TuneAnalysis.Bottleneck(point, cores: 2);

        Assert.StartsWith("mapping", text);
        Assert.Contains("share 2 cores", text);
        Assert.Contains("sweep --workers", TuneAnalysis.MoreCores([point], point, 2));
    }

    [Fact]
    public void Saturation_FindsWhereMoreWorkersStopPaying_AndWhetherQueueSizeMatters()
    {
        TunePoint[] points =
        [
            Point(500, 100, 1, 100, 100), Point(2000, 100, 1, 101, 110),
            Point(500, 100, 2, 190, 100), Point(2000, 100, 2, 192, 110),
            Point(500, 100, 4, 195, 100), Point(2000, 100, 4, 196, 110),
        ];

        var lines = TuneAnalysis.Saturation(points, points[3]).ToList();

        Assert.Contains(lines, l => l.StartsWith("workers: throughput saturates at 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("queue size: barely matters", StringComparison.Ordinal));
    }

    [Fact]
    public void BusyMachineCaution_WarnsOnlyWhenTheLoadExceedsTheCores()
    {
        Assert.Null(TuneAnalysis.BusyMachineCaution("0.52 0.61 0.70", "1.90 1.20 0.90", cores: 2, repeats: 1));
        Assert.Null(TuneAnalysis.BusyMachineCaution(null, null, cores: 2, repeats: 1));

        var caution = TuneAnalysis.BusyMachineCaution("23.96 28.42 26.37", "35.37 35.41 32.96", cores: 2, repeats: 1);

        Assert.NotNull(caution);
        Assert.Contains("up to 35.4 on 2 cores", caution);
        Assert.Contains("--repeats 3", caution);
        Assert.DoesNotContain("--repeats", TuneAnalysis.BusyMachineCaution("9 9 9", null, cores: 8, repeats: 3));
    }

    [Fact]
    public void ChartFrontier_KeepsOnlyPointsNoOtherBeatsOnBothSpeedAndMemory()
    {
        TunePoint[] points = [Point(500, 50, 1, 100, 120), Point(1000, 50, 1, 90, 150), Point(2000, 200, 2, 250, 200), Point(5000, 500, 2, 240, 260)];

        var labelled = points.Where(p => XmlShred.Benchmarking.Charts.TuneCharts.IsOnFrontier(p, points)).Select(p => p.QueueSize);

        Assert.Equal([500, 2000], labelled);
    }

    [Fact]
    public void Grid_ShufflesCellsWithinAWorkerCount_TheSameWayEveryTime()
    {
        var grid = new TuneGrid([500, 1000, 2000, 5000], [50, 100, 200, 500], [1]);
        var nested = (from q in grid.QueueSizes from b in grid.BatchSizes select new TuneSettings(q, b, 1)).ToList();

        var order = grid.Points().ToList();

        Assert.Equal(nested.Order(Comparer<TuneSettings>.Create((a, b) => (a.QueueSize, a.BatchSize).CompareTo((b.QueueSize, b.BatchSize)))), order.Order(Comparer<TuneSettings>.Create((a, b) => (a.QueueSize, a.BatchSize).CompareTo((b.QueueSize, b.BatchSize)))));
        Assert.NotEqual(nested, order);
        Assert.Equal(order, grid.Points());
    }

    [Fact]
    public void Grid_PutsWorkersOutermost_AndRejectsEmptyOrNonPositiveLists()
    {
        var grid = new TuneGrid([500, 2000], [50, 500], [1, 2]);

        Assert.Equal(8, grid.Count);
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2], grid.Points().Select(p => p.Workers));
        Assert.Equal(8, grid.Points().Distinct().Count());
        Assert.Throws<ArgumentException>(() => new TuneGrid([], [50], [1]).Validate());
        Assert.Throws<ArgumentException>(() => new TuneGrid([500], [0], [1]).Validate());
    }
}

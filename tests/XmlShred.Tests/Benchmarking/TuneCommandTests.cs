using System.Text.Json;
using XmlShred.Benchmarking.Tuning;
using XmlShred.Pipeline;
using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Benchmarking;

/// <summary>
/// <c>bench tune</c> end to end on a tiny grid: the real CLI as a child process, which starts a child per point.
/// Only what it writes is checked, never how fast it was.
/// </summary>
public class TuneCommandTests
{
    private static readonly string[] PointFields =
    [
        "queue_size", "batch_size", "workers", "apps_per_second", "apps_per_cpu_second", "peak_rss_mb",
        "insert_latency_p50_ms", "insert_latency_p95_ms", "insert_latency_p99_ms", "worker_busy_percent",
        "workers_waited_on_full_queue_seconds", "writer_waited_on_empty_queue_seconds",
    ];

    [Fact]
    public async Task Tune_MeasuresEveryPoint_AndWritesJsonMarkdownAndCharts()
    {
        var folder = Directory.CreateTempSubdirectory("xmlshred-tune-").FullName;
        var output = Path.Combine(folder, "tune");
        try
        {
            using var cli = CliProcess.Start("bench", "tune", "--db", Path.Combine(folder, "t.db"), "--contract", ExampleFiles.ContractPath, "--out", output,
                "--count", "40", "--queue-sizes", "100,400", "--batch-sizes", "10", "--workers", "1,2", "--repeats", "1");
            Assert.True(await cli.WaitAsync(TimeSpan.FromMinutes(4)) == 0, cli.Output);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "tune.json"), TestContext.Current.CancellationToken));
            var points = json.RootElement.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(4, points.Count);
            foreach (var point in points)
            {
                foreach (var field in PointFields) Assert.True(point.TryGetProperty(field, out _), $"point lacks {field}: {point}");
                Assert.True(point.GetProperty("apps_per_second").GetDouble() > 0);
                Assert.True(point.GetProperty("apps_per_cpu_second").GetDouble() > 0);
                Assert.True(point.GetProperty("peak_rss_mb").GetDouble() > 0);
                Assert.Equal(40, point.GetProperty("succeeded").GetInt64() + point.GetProperty("failed").GetInt64());
            }
            Assert.Equal(["1-100", "1-400", "2-100", "2-400"],
                points.Select(p => $"{p.GetProperty("workers").GetInt32()}-{p.GetProperty("queue_size").GetInt32()}").Order());
            Assert.True(json.RootElement.GetProperty("machine").GetProperty("cores").GetInt32() >= 1);
            Assert.Equal(2, json.RootElement.GetProperty("settings").GetProperty("workers").GetArrayLength());
            Assert.Empty(json.RootElement.GetProperty("skipped").EnumerateArray());

            var result = TuneResult.ReadFrom(Path.Combine(output, "tune.json"));
            Assert.NotNull(result.Recommendation.Best);
            var markdown = await File.ReadAllTextAsync(Path.Combine(output, "tune.md"), TestContext.Current.CancellationToken);
            Assert.Contains("## Recommendation", markdown);
            Assert.Contains(result.Recommendation.Command, markdown);
            Assert.Contains("**Bottleneck**", markdown);

            string[] charts = ["tune-heatmap-w1", "tune-heatmap-w2", "tune-throughput-vs-rss", "tune-latency-vs-batch"];
            foreach (var chart in charts)
            {
                ChartAssert.ValidChart(output, chart);
                Assert.Contains($"({chart}.png)", markdown);
            }
            // Every point's own run report is kept, and each can be drawn by `report`.
            Assert.Equal(4, Directory.GetFiles(Path.Combine(output, "runs"), "*.json").Length);
            Assert.All(Directory.GetFiles(Path.Combine(output, "runs"), "*.json"), f => Assert.Equal(10, RunReport.ReadFrom(f).Settings.BatchSize));

            // `report tune.json` reads the sweep again without running it.
            var again = Path.Combine(folder, "again");
            var (exit, _, error) = XmlShred.Tests.Cli.CliRunner.Run("report", Path.Combine(output, "tune.json"), "--out", again);
            Assert.True(exit == 0, error);
            Assert.Equal(result.Recommendation.Best, TuneResult.ReadFrom(Path.Combine(again, "tune.json")).Recommendation.Best);
            Assert.Contains(result.Recommendation.Command, await File.ReadAllTextAsync(Path.Combine(again, "tune.md"), TestContext.Current.CancellationToken));
            foreach (var chart in charts) ChartAssert.ValidChart(again, chart);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--queue-sizes", "0,100")]
    [InlineData("--batch-sizes", "ten")]
    [InlineData("--workers", ",")]
    [InlineData("--budget", "soon")]
    [InlineData("--repeats", "0")]
    public async Task Tune_RejectsBadOptions_BeforeLoadingAnything(string option, string value)
    {
        var folder = Directory.CreateTempSubdirectory("xmlshred-tune-").FullName;
        try
        {
            Assert.Equal(2, await XmlShred.Cli.Program.Main(["bench", "tune", "--db", Path.Combine(folder, "t.db"), "--out", Path.Combine(folder, "out"), option, value]));
            Assert.False(File.Exists(Path.Combine(folder, "t.db.template")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

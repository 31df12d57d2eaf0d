using XmlShred.Pipeline;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Benchmarking;

/// <summary><c>run --report</c> then <c>report</c>, in-process on a small SQLite run with one broken document.</summary>
public class ReportCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Folder, string Report, string Contract)> RunWithReportAsync(SqlitePipelineDatabase db)
    {
        var folder = Path.GetDirectoryName(db.Path)!;
        var contract = Path.Combine(folder, "tiny.json");
        await File.WriteAllTextAsync(contract, TinyContract.Json, Ct);
        var xml = Directory.CreateDirectory(Path.Combine(folder, "xml")).FullName;
        for (var id = 1; id <= 60; id++)
        {
            await File.WriteAllTextAsync(Path.Combine(xml, $"{id}.xml"), TinyContract.Document(id, "app" + id, id, (id * 10, "First" + id)), Ct);
        }
        var report = Path.Combine(folder, "run.json");
        Assert.Equal(0, await XmlShred.Cli.Program.Main(["init", "--db", db.Path, "--contract", contract]));
        Assert.Equal(0, await XmlShred.Cli.Program.Main(["load", "--db", db.Path, "--contract", contract, xml]));
        // `load` refuses XML that is not well-formed, so the broken document goes straight into the source table.
        await db.ExecuteAsync("INSERT INTO app_xml_staging (app_id, app_XML) VALUES (999, '<Provenir><Request ID=\"999\"><CustData><application name=\"x\">')");
        Assert.Equal(3, await XmlShred.Cli.Program.Main(["run", "--db", db.Path, "--contract", contract, "--no-progress", "--workers", "2", "--batch-size", "10", "--queue-size", "30", "--report", report]));
        return (folder, report, contract);
    }

    [Fact]
    public async Task RunReport_CarriesIdentitySettingsFailuresAndTimeSeries()
    {
        await using var db = new SqlitePipelineDatabase();
        var (_, path, contract) = await RunWithReportAsync(db);

        var report = RunReport.ReadFrom(path);

        Assert.True(report.StartedAt <= report.EndedAt);
        Assert.False(string.IsNullOrWhiteSpace(report.Version));
        Assert.Equal("sqlite", report.Target.Kind);
        Assert.Contains(Path.GetFileName(db.Path), report.Target.Server);
        Assert.Equal(contract, report.Contract.Path);
        Assert.Equal(TinyContract.Compiled.Hash, report.Contract.Hash);
        Assert.Equal(new RunSettings("queued", 2, 10, new RunOptions().PageSize, new RunOptions().WorkQueueSize, 30, new RunOptions().MemoryBudget, null, null, null, null), report.Settings);
        Assert.Equal((60L, 1L), (report.Succeeded, report.Failed));
        Assert.Equal(1, report.FailedApplications.Total);
        var failure = Assert.Single(report.FailedApplications.Listed);
        Assert.Equal(999, failure.AppId);
        Assert.False(string.IsNullOrWhiteSpace(failure.Stage));
        Assert.False(string.IsNullOrWhiteSpace(failure.Reason));
        Assert.NotEmpty(report.Samples);
        Assert.Equal(61, report.Samples[^1].Processed);
        Assert.All(report.Samples, s => Assert.True(s.WorkingSetBytes > 0 && s.GcHeapBytes > 0));
        Assert.Equal(report.Batches, report.BatchSamples.Count);
        Assert.Equal(60, report.BatchSamples.Sum(b => b.Applications));
        Assert.Equal(2, report.WorkerUsage.Count);
    }

    [Fact]
    public async Task Report_WritesAPageThatShowsEveryChartAndTheSummary()
    {
        await using var db = new SqlitePipelineDatabase();
        var (folder, path, _) = await RunWithReportAsync(db);
        var output = Path.Combine(folder, "rep");

        Assert.Equal(0, await XmlShred.Cli.Program.Main(["report", path, "--out", output]));

        string[] charts = ["queue-depths", "throughput", "memory", "batch-latency-histogram", "batch-latency-over-time", "worker-usage"];
        foreach (var chart in charts) ChartAssert.ValidChart(output, chart);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "index.html"), Ct);
        Assert.StartsWith("<!DOCTYPE html>", html);
        foreach (var chart in charts)
        {
            Assert.Contains($"href=\"{chart}.svg\"", html);
            Assert.Contains($"href=\"{chart}.png\"", html);
        }
        Assert.Equal(charts.Length, html.Split("src=\"data:image/png;base64,").Length - 1);
        Assert.Contains(RunReport.ReadFrom(path).RunId, html);
        Assert.Contains("<td class=\"n\">999</td>", html);
    }

    [Fact]
    public async Task Report_OfAFileThatIsNotARunReport_FailsWithAClearMessage()
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-a-report-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{\"hello\": 1}", Ct);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => RunReport.ReadFrom(file));
            Assert.Contains("not a run report", error.Message);
            Assert.Equal(1, await XmlShred.Cli.Program.Main(["report", file, "--out", file + ".out"]));
            Assert.Equal(2, await XmlShred.Cli.Program.Main(["report", file + ".missing", "--out", file + ".out"]));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using System.Text.Json.Nodes;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Tests.Conformance;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// The fixture documents replicated to ≥ 2,000 applications, run through the real mapper and the queued
/// pipeline: every application ends with its expected rows and a success row, or a failed row with a reason;
/// nothing is duplicated; a second run processes nothing. Per dialect, like <see cref="PipelineTestBase"/>.
/// </summary>
public abstract class EndToEndTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    /// <summary>The project's fixture set; the reference conformance run overrides it with the reference samples.</summary>
    internal virtual ReplicatedCorpus CreateCorpus() => ReplicatedCorpus.FromFixtures(2000);

    internal static readonly DateTime FixedNow = new(2000, 1, 1);

    [Fact]
    public async Task ReplicatedDocuments_EndWithTheirExpectedRowsOrAFailedRow_AndASecondRunDoesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var corpus = CreateCorpus();
        await using var db = CreateDatabase();
        await corpus.LoadAsync(db.Target, ct);
        var mapper = new DocumentMapper(corpus.Contract, new MappingOptions { UtcNow = () => FixedNow });

        RunSummary first, second;
        using (var metrics = new PipelineMetrics())
            first = await PipelineRunner.RunAsync(db.Target, corpus.Contract, mapper.Map, new RunOptions { Workers = 2, BatchSize = 200, QueueSize = 300 }, metrics, CancellationToken.None, ct);
        using (var metrics = new PipelineMetrics())
            second = await PipelineRunner.RunAsync(db.Target, corpus.Contract, mapper.Map, new RunOptions { Workers = 2 }, metrics, CancellationToken.None, ct);

        Assert.True(corpus.Applications.Count >= 2000);
        Assert.Equal(corpus.Applications.Count, first.Processed);
        Assert.Equal(0, second.Processed);
        var log = (await db.QueryAsync("SELECT app_id, status, failure_reason FROM processing_log")).ToDictionary(r => (long)r[0]!, r => (Status: (string)r[1]!, Reason: (string?)r[2]));
        Assert.Equal(corpus.Applications.Count, await db.ScalarAsync("SELECT COUNT(*) FROM processing_log"));
        var expectedFailures = corpus.Applications.Count(a => (string?)a.Expected["outcome"] != "mapped");
        Assert.Equal(expectedFailures, first.Failed);
        foreach (var app in corpus.Applications)
        {
            var (status, reason) = log[app.StagingId];
            if ((string?)app.Expected["outcome"] == "mapped") Assert.Equal("success", status);
            else Assert.False(status != "failed" || string.IsNullOrWhiteSpace(reason), $"app {app.StagingId} should have a failed row with a reason");
        }
        await AssertExpectedRowsAsync(db, corpus);
    }

    private static async Task AssertExpectedRowsAsync(PipelineDatabase db, ReplicatedCorpus corpus)
    {
        var problems = new List<string>();
        long compared = 0;
        var mapped = corpus.Applications.Where(a => (string?)a.Expected["outcome"] == "mapped").ToList();
        foreach (var table in corpus.Contract.Tables)
        {
            var stored = await TableDump.RowsAsync(db, table);
            compared += stored.Count;
            var expected = mapped.SelectMany(a => a.Expected["tables"]?[table.Name]?.AsArray() ?? []).Select(r => r!.AsObject()).ToList();
            string Key(JsonObject row) => string.Join("|", table.KeyColumns.Select(k => row[k]?.ToJsonString() ?? "null"));
            // No key twice: primary keys guarantee it, and a duplicate here would mean a dropped or wrong key.
            Assert.Equal(stored.Count, stored.Select(Key).Distinct().Count());
            if (table.Kind.IsInsertIfAbsent())
            {
                // Insert-if-absent: when two applications share a contact key the first one stored wins, so compare
                // the key sets, and each stored row with one of the expected rows of its key.
                var byKey = expected.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
                Assert.Equal(byKey.Keys.Order(StringComparer.Ordinal), stored.Select(Key).Order(StringComparer.Ordinal));
                foreach (var row in stored)
                {
                    if (!byKey[Key(row)].Any(e => GoldenComparer.Compare("row", Wrap(table.Name, e), Wrap(table.Name, row)) is null))
                        problems.Add($"{table.Name} {Key(row)}: stored row matches no expected row: {row.ToJsonString()}");
                }
                continue;
            }
            Assert.Equal(expected.Count, stored.Count);
            var storedByApp = stored.ToLookup(r => r[BuilderColumns.AppId]?.ToJsonString());
            foreach (var app in mapped)
            {
                var want = app.Expected["tables"]?[table.Name]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];
                var got = storedByApp[app.StagingId.ToString(System.Globalization.CultureInfo.InvariantCulture)].ToList();
                if (GoldenComparer.Compare($"app {app.StagingId}", WrapAll(table.Name, want), WrapAll(table.Name, got)) is { } problem) problems.Add(problem);
            }
        }
        TestContext.Current.SendDiagnosticMessage($"{mapped.Count} mapped applications, {compared} stored rows compared with their expected rows");
        Assert.True(compared > 5 * mapped.Count, $"only {compared} rows for {mapped.Count} applications");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }

    private static JsonObject Wrap(string table, JsonObject row) => WrapAll(table, [row]);

    private static JsonObject WrapAll(string table, IEnumerable<JsonObject> rows) => new()
    {
        ["outcome"] = "mapped",
        ["tables"] = new JsonObject { [table] = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()) },
    };
}

public sealed class SqliteEndToEndTests : EndToEndTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();
}

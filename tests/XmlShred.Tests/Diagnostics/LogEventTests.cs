using Microsoft.Extensions.Logging;
using XmlShred.Diagnostics;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Diagnostics;

/// <summary>The pipeline's log events, raised by a real run on SQLite and caught by a recording logger.</summary>
public sealed class LogEventTests
{
    private sealed record Event(LogLevel Level, EventId Id, string Message, IReadOnlyDictionary<string, object?> Values);

    /// <summary>Keeps every event with its named values (what a structured sink would receive).</summary>
    private sealed class RecordingLogger : ILogger
    {
        public List<Event> Events { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            lock (Events) Events.Add(new Event(logLevel, eventId, formatter(state, exception), values));
        }
    }

    [Fact]
    public async Task AFailingBatch_LogsItsSplit_AndTheIsolatedApplication_WithStableIds()
    {
        await using var db = new SqlitePipelineDatabase();
        var ct = TestContext.Current.CancellationToken;
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, ct);
        var documents = Enumerable.Range(1, 8).Select(i => new SourceDocument(i, TinyContract.Document(i, "app" + i, 1, (i * 10, "Ann")))).ToList();
        await db.Target.LoadSourceAsync(TinyContract.Compiled, documents, replace: false, ct);
        await db.InstallPoisonAsync("app_contact_base", 6);
        var logger = new RecordingLogger();
        using var metrics = new PipelineMetrics();

        var summary = await PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, TinyContract.Map,
            new RunOptions { Workers = 1, BatchSize = 8, Logger = logger }, metrics, CancellationToken.None, ct);

        Assert.Equal(1, summary.Failed);
        var splits = logger.Events.Where(e => e.Id.Id == 1100).ToList();
        Assert.NotEmpty(splits);
        Assert.All(splits, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains(splits, e => (long)e.Values["FirstAppId"]! <= 6 && (long)e.Values["LastAppId"]! >= 6);
        var isolated = Assert.Single(logger.Events, e => e.Id.Id == 1101);
        Assert.Equal(6L, isolated.Values["AppId"]);
        Assert.Equal("constraint_violation", isolated.Values["Stage"]);
        Assert.Contains("Application 6 isolated", isolated.Message);
    }

    [Fact]
    public void EveryEvent_HasAUniqueId_AndANameEqualToItsMethod()
    {
        var events = typeof(LogEvents).GetMethods()
            .Select(m => (Method: m, Attribute: m.GetCustomAttributes(typeof(LoggerMessageAttribute), false).Cast<LoggerMessageAttribute>().SingleOrDefault()))
            .Where(x => x.Attribute is not null)
            .ToList();

        Assert.Equal(["ApplicationIsolated", "BatchSplit", "LeaseLost", "RetryScheduled", "RunFinished", "RunStarted"], events.Select(e => e.Method.Name).Order());
        Assert.Equal(events.Count, events.Select(e => e.Attribute!.EventId).Distinct().Count());
        Assert.All(events, e => Assert.Equal(e.Method.Name, e.Attribute!.EventName));
    }
}

using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Storage;

namespace XmlShred.Tests.Pipeline;

public class BatchBisectorTests
{
    /// <summary>Commits a batch unless it holds a poisoned app; records every transaction it was asked for.</summary>
    private sealed class FakeWriter(params long[] poisoned) : IBatchWriter
    {
        public List<long> Committed { get; } = [];
        public List<ProcessingLogEntry> FailureRows { get; } = [];
        public int Transactions { get; private set; }
        public Exception Error { get; init; } = new InvalidOperationException("constraint failed");

        public Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
        {
            Transactions++;
            if (batch.Any(a => poisoned.Contains(a.AppId))) throw Error;
            Committed.AddRange(batch.Select(a => a.AppId));
            return Task.FromResult(new BatchWriteTimings(TimeSpan.Zero, TimeSpan.Zero, batch.Count));
        }

        public Task WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken)
        {
            FailureRows.AddRange(entries);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static List<ApplicationWrite> Batch(int count)
    {
        var log = new ProcessingLogFactory(new RunOptions(), "hash");
        return Enumerable.Range(1, count).Select(i => new ApplicationWrite(i, MappingResult.Mapped(i, [], []), log.Success(i, 1))).ToList();
    }

    [Fact]
    public async Task OnePoisonedApplication_IsIsolatedWithTheDatabaseMessage_AndEveryOtherCommits()
    {
        var writer = new FakeWriter(37);
        var bisector = new BatchBisector(writer, _ => WriteFailureKind.ConstraintViolation);

        var outcome = await bisector.WriteAsync(Batch(64), TestContext.Current.CancellationToken);

        Assert.Equal(63, outcome.Committed);
        Assert.Equal(Enumerable.Range(1, 64).Select(i => (long)i).Where(i => i != 37), writer.Committed.Order());
        var failed = Assert.Single(writer.FailureRows);
        Assert.Equal((37L, "failed", "constraint_violation", "constraint_violation: constraint failed"), (failed.AppId, failed.Status, failed.Stage, failed.FailureReason));
        // 1 failed batch of 64, then 2 halves per level down to the single app: 1 + 2·6 transactions.
        Assert.Equal(13, writer.Transactions);
    }

    [Fact]
    public async Task TwoPoisonedApplications_BothFailAlone_WithTheDatabaseStage()
    {
        var writer = new FakeWriter(1, 10);
        var bisector = new BatchBisector(writer, _ => WriteFailureKind.Database);

        var outcome = await bisector.WriteAsync(Batch(10), TestContext.Current.CancellationToken);

        Assert.Equal(8, outcome.Committed);
        Assert.Equal([1L, 10L], writer.FailureRows.Select(f => f.AppId).Order());
        Assert.All(writer.FailureRows, f => Assert.Equal("database", f.Stage));
    }

    [Fact]
    public async Task FatalError_IsRethrown_WithoutMarkingAnyApplicationFailed()
    {
        var writer = new FakeWriter(3) { Error = new IOException("disk full") };
        var bisector = new BatchBisector(writer, _ => WriteFailureKind.Fatal);

        await Assert.ThrowsAsync<IOException>(() => bisector.WriteAsync(Batch(8), TestContext.Current.CancellationToken));

        Assert.Empty(writer.FailureRows);
        Assert.Equal(1, writer.Transactions);
    }

    [Fact]
    public void FailureReason_IsPrefixedWithTheStage_AndCutTo500Characters()
    {
        var reason = ProcessingLogFactory.Reason("database", new string('x', 1000));

        Assert.Equal(ProcessingLogEntry.MaxReasonLength, reason.Length);
        Assert.StartsWith("database: xxx", reason);
        Assert.Equal("validation: ['x']", ProcessingLogFactory.Reason("validation", "validation: ['x']"));
    }
}

using XmlShred.Fleet;
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

        /// <summary>Leases whose fence check fails, as after a takeover.</summary>
        public HashSet<ChunkLease> Lost { get; } = [];
        /// <summary>Applications another instance logged first: the gate lets nothing of theirs through.</summary>
        public HashSet<long> LoggedElsewhere { get; } = [];

        public ClaimContext? Claims { get; set; }

        public Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
        {
            Transactions++;
            if (batch.Select(a => a.Log.Lease).FirstOrDefault(l => l is not null && Lost.Contains(l)) is { } lost) throw new LeaseLostException(lost);
            var winners = batch.Where(a => !LoggedElsewhere.Contains(a.AppId)).ToList();
            if (winners.Any(a => poisoned.Contains(a.AppId))) throw Error;
            Committed.AddRange(winners.Select(a => a.AppId));
            return Task.FromResult(new BatchWriteTimings(TimeSpan.Zero, TimeSpan.Zero, winners.Count) { DoneElsewhere = batch.Count - winners.Count });
        }

        public Task<IReadOnlyCollection<long>> WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken)
        {
            if (entries.Select(e => e.Lease).FirstOrDefault(l => l is not null && Lost.Contains(l)) is { } lost) throw new LeaseLostException(lost);
            var written = entries.Where(e => !LoggedElsewhere.Contains(e.AppId)).ToList();
            FailureRows.AddRange(written);
            return Task.FromResult<IReadOnlyCollection<long>>(written.Select(e => e.AppId).ToList());
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

    [Fact]
    public async Task LostLease_DropsThatChunksApplications_AndWritesTheRest()
    {
        var a = new ChunkLease(1, 1, 6, 1);
        var b = new ChunkLease(6, 6, 11, 1);
        var writer = new FakeWriter();
        writer.Lost.Add(a);
        var batch = Batch(10).Select(w => w with { Log = w.Log with { Lease = w.AppId < 6 ? a : b } }).ToList();

        var outcome = await new BatchBisector(writer, _ => WriteFailureKind.ConstraintViolation).WriteAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal([6L, 7, 8, 9, 10], writer.Committed);
        Assert.Equal((5, 5, 0), (outcome.Committed, outcome.Dropped, outcome.Failed.Count));
        Assert.Equal([a], outcome.LostLeases);
    }

    [Fact]
    public async Task ApplicationsLoggedElsewhere_AreCountedDoneElsewhere_NeverFailed()
    {
        var writer = new FakeWriter(4);
        writer.LoggedElsewhere.UnionWith([2, 3, 4]);

        var outcome = await new BatchBisector(writer, _ => WriteFailureKind.ConstraintViolation).WriteAsync(Batch(6), TestContext.Current.CancellationToken);

        // 4 is poisoned but another instance logged it first: the gate skips it, so nothing fails.
        Assert.Equal((3, 3, 0), (outcome.Committed, outcome.DoneElsewhere, outcome.Failed.Count));
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task APoisonedApplicationLoggedElsewhereDuringBisection_IsNotLoggedFailed()
    {
        var writer = new FakeWriter(5);
        var bisector = new BatchBisector(writer, _ => { writer.LoggedElsewhere.Add(5); return WriteFailureKind.ConstraintViolation; });

        var outcome = await bisector.WriteAsync(Batch(8), TestContext.Current.CancellationToken);

        Assert.Empty(writer.FailureRows);
        Assert.Empty(outcome.Failed);
        Assert.Equal(7, outcome.Committed);
        Assert.Equal(1, outcome.DoneElsewhere);
    }
}

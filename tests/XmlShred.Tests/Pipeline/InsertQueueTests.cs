using XmlShred.Pipeline;
using XmlShred.Storage;

namespace XmlShred.Tests.Pipeline;

public class InsertQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QueueItem Item(long appId, int reasonLength) =>
        QueueItem.Failed(new ProcessingLogEntry
        {
            AppId = appId, Status = "failed", FailureReason = new string('r', reasonLength), ProcessingTime = DateTime.UtcNow,
            SessionId = "s", RunId = "r", ContractHash = "h",
        });

    [Fact]
    public async Task FullByCount_MakesTheProducerWait_UntilTheWriterTakesAnItem()
    {
        var queue = new InsertQueue(capacity: 2);
        await queue.EnqueueAsync(Item(1, 1), Ct);
        await queue.EnqueueAsync(Item(2, 1), Ct);

        var third = queue.EnqueueAsync(Item(3, 1), Ct).AsTask();

        Assert.False(third.IsCompleted);
        Assert.True(queue.TryDequeue(out _));
        await third;
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public async Task QueueBytes_CountWhatIsWaiting()
    {
        var queue = new InsertQueue(capacity: 10);
        var item = Item(1, 100);
        await queue.EnqueueAsync(item, Ct);

        Assert.Equal(item.Bytes, queue.Bytes);
        Assert.True(queue.TryDequeue(out _));
        Assert.Equal(0, queue.Bytes);
    }

    [Fact]
    public async Task ItemBiggerThanTheWholeBudget_IsAdmittedWhenNothingElseIsHeld_SoItCannotDeadlock()
    {
        var budget = new ByteBudget(100);

        await budget.AcquireAsync(10_000, Ct);
        var next = budget.AcquireAsync(1, Ct).AsTask();

        Assert.Equal(10_000, budget.InUse);
        Assert.False(next.IsCompleted); // the oversized item runs alone
        budget.Release(10_000);
        await next;
        Assert.Equal(10_000, budget.Peak);
    }

    [Fact]
    public async Task Exchange_NeverWaits_AndShrinkingAdmitsTheWaitingReader()
    {
        var budget = new ByteBudget(100);
        await budget.AcquireAsync(60, Ct); // a document
        var reader = budget.AcquireAsync(50, Ct).AsTask();

        budget.Exchange(60, 150); // its rows are bigger than the budget: charged at once, nobody downstream waits
        Assert.Equal(150, budget.InUse);
        Assert.False(reader.IsCompleted);
        budget.Exchange(150, 40); // shrinks: 40 + 50 fits
        await reader;
        Assert.Equal(90, budget.InUse);
        Assert.Equal(150, budget.Peak);
    }

    [Fact]
    public async Task WaitingProducer_IsReleasedInArrivalOrder_AndCancellationLetsThoseBehindThrough()
    {
        var budget = new ByteBudget(100);
        await budget.AcquireAsync(100, Ct);
        using var cancel = new CancellationTokenSource();
        var big = budget.AcquireAsync(80, cancel.Token).AsTask();
        var small = budget.AcquireAsync(10, Ct).AsTask();

        budget.Release(15); // 15 free: the big waiter is first in line, so the small one waits behind it (FIFO)
        Assert.False(small.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => big);
        await small;
        Assert.Equal(95, budget.InUse);
    }
}

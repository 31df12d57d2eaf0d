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
    public async Task FullByBytes_MakesTheProducerWait_UntilTheWriterTakesAnItem()
    {
        var first = Item(1, 1000);
        var queue = new InsertQueue(capacity: 100, byteCapacity: first.Bytes + 10);
        await queue.EnqueueAsync(first, Ct);

        var second = queue.EnqueueAsync(Item(2, 1000), Ct).AsTask();

        Assert.False(second.IsCompleted); // waiting for bytes, not dropped
        Assert.Equal(1, queue.Count);
        Assert.True(queue.TryDequeue(out var taken));
        Assert.Equal(1, taken.Failure!.AppId);
        await second; // released by the dequeue
        Assert.True(queue.TryDequeue(out var next));
        Assert.Equal(2, next.Failure!.AppId);
        Assert.Equal(0, queue.Bytes);
    }

    [Fact]
    public async Task FullByCount_MakesTheProducerWait_UntilTheWriterTakesAnItem()
    {
        var queue = new InsertQueue(capacity: 2, byteCapacity: long.MaxValue);
        await queue.EnqueueAsync(Item(1, 1), Ct);
        await queue.EnqueueAsync(Item(2, 1), Ct);

        var third = queue.EnqueueAsync(Item(3, 1), Ct).AsTask();

        Assert.False(third.IsCompleted);
        Assert.True(queue.TryDequeue(out _));
        await third;
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public async Task ItemBiggerThanTheWholeBudget_IsAdmittedWhenTheQueueIsEmpty_SoItCannotDeadlock()
    {
        var queue = new InsertQueue(capacity: 10, byteCapacity: 100);

        await queue.EnqueueAsync(Item(1, 10_000), Ct);

        Assert.Equal(1, queue.Count);
        Assert.True(queue.Bytes > 100);
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

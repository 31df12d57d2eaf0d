using System.Collections.Concurrent;
using System.Diagnostics;

namespace XmlShred.DelayProxy;

/// <summary>
/// One direction of a proxied connection: read, stamp, and write each chunk once its delay has passed.
/// The writing side is a dedicated thread using Thread.Sleep (nanosleep, ≈1.07 ms for 1 ms here): Task.Delay goes
/// through the timer thread and the thread pool and measured ≈4 ms per 1 ms hop on this machine.
/// </summary>
internal static class DelayLine
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(0.25);

    public static async Task PumpAsync(Stream from, Stream to, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var chunks = new BlockingCollection<(long Due, byte[] Data, int Length)>();
        var delayTicks = (long)(delay.TotalSeconds * Stopwatch.Frequency);
        var writer = new Thread(() => Write(chunks, to, cancellationToken)) { IsBackground = true, Name = "delay-line", Priority = ThreadPriority.Highest };
        writer.Start();
        try
        {
            while (true)
            {
                var buffer = new byte[64 * 1024];
                var read = await from.ReadAsync(buffer, cancellationToken);
                if (read == 0) break;
                chunks.Add((Stopwatch.GetTimestamp() + delayTicks, buffer, read), cancellationToken);
            }
        }
        finally
        {
            chunks.CompleteAdding();
            writer.Join();
        }
    }

    private static void Write(BlockingCollection<(long Due, byte[] Data, int Length)> chunks, Stream to, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var (due, data, length) in chunks.GetConsumingEnumerable(cancellationToken))
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                // Thread.Sleep takes whole milliseconds and overshoots by ~0.07 ms. A chunk due within the tolerance goes
                // now: sleeping a whole millisecond for it would cap a streamed response at one chunk per millisecond.
                if (wait > Tolerance) Thread.Sleep((int)Math.Ceiling(wait.TotalMilliseconds));
                to.Write(data, 0, length);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is over; the reading side notices too.
        }
    }
}

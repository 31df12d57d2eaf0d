using System.Diagnostics;
using System.Threading.Channels;

namespace XmlShred.DelayProxy;

/// <summary>One direction of a proxied connection: read, stamp, and write each chunk once its delay has passed.</summary>
internal static class DelayLine
{
    public static async Task PumpAsync(Stream from, Stream to, TimeSpan delay, CancellationToken cancellationToken)
    {
        var chunks = Channel.CreateUnbounded<(long Due, byte[] Data, int Length)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = WriteAsync(chunks.Reader, to, cancellationToken);
        var delayTicks = (long)(delay.TotalSeconds * Stopwatch.Frequency);
        try
        {
            while (true)
            {
                var buffer = new byte[64 * 1024];
                var read = await from.ReadAsync(buffer, cancellationToken);
                if (read == 0) break;
                chunks.Writer.TryWrite((Stopwatch.GetTimestamp() + delayTicks, buffer, read));
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
            await writer;
        }
    }

    private static async Task WriteAsync(ChannelReader<(long Due, byte[] Data, int Length)> chunks, Stream to, CancellationToken cancellationToken)
    {
        await foreach (var (due, data, length) in chunks.ReadAllAsync(cancellationToken))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            // Task.Delay truncates to whole milliseconds (0.99 ms would not wait at all): round up.
            if (wait > TimeSpan.Zero) await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), cancellationToken);
            await to.WriteAsync(data.AsMemory(0, length), cancellationToken);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace XmlShred.DelayProxy;

/// <summary>
/// A TCP proxy that adds a fixed one-way delay in each direction, for benchmarking against a "remote" database where
/// tc netem is unavailable. It is a delay line, not a throttle: each chunk is stamped when read and written once its
/// delay has passed, while later chunks keep flowing, so bandwidth is untouched and only latency grows.
/// Usage: XmlShred.DelayProxy --listen 127.0.0.1:6433 --target 127.0.0.1:5433 --delay-ms 1
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string? listen = null, target = null;
        var delay = TimeSpan.FromMilliseconds(1);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--listen": listen = args[i + 1]; break;
                case "--target": target = args[i + 1]; break;
                case "--delay-ms": delay = TimeSpan.FromMilliseconds(double.Parse(args[i + 1], CultureInfo.InvariantCulture)); break;
                default: return Usage($"unknown option {args[i]}");
            }
        }
        if (listen is null || target is null) return Usage("--listen and --target are required");
        var listener = new TcpListener(IPEndPoint.Parse(listen));
        listener.Start();
        var targetEndPoint = IPEndPoint.Parse(target);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        Console.WriteLine($"delay-proxy: {listen} -> {target}, {delay.TotalMilliseconds} ms each way");
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = Task.Run(() => ServeAsync(client, targetEndPoint, delay, stop.Token));
            }
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    private static int Usage(string error)
    {
        Console.Error.WriteLine($"error: {error}\nusage: XmlShred.DelayProxy --listen HOST:PORT --target HOST:PORT [--delay-ms 1]");
        return 2;
    }

    private static async Task ServeAsync(TcpClient client, IPEndPoint target, TimeSpan delay, CancellationToken stop)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            client.NoDelay = true;
            upstream.NoDelay = true;
            await upstream.ConnectAsync(target, stop);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var a = DelayLine.PumpAsync(client.GetStream(), upstream.GetStream(), delay, done.Token);
            var b = DelayLine.PumpAsync(upstream.GetStream(), client.GetStream(), delay, done.Token);
            await Task.WhenAny(a, b);
            await done.CancelAsync();
            await Task.WhenAll(Quiet(a), Quiet(b));
        }
    }

    private static async Task Quiet(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The other side closed: the connection is over.
        }
    }
}

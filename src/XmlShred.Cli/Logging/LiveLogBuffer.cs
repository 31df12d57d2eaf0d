using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace XmlShred.Cli.Logging;

/// <summary>
/// Holds log events while the Spectre live display is running: lines written to the terminal under a live display
/// get lost or garble it, so events are kept here, the display shows the latest few, and the rest are written to
/// stderr once it has ended. Bounded: a storm of events keeps the last <see cref="Capacity"/>.
/// </summary>
internal static class LiveLogBuffer
{
    public const int Capacity = 500;
    private static readonly ConcurrentQueue<string> s_lines = new();
    private static int s_active;
    private static long s_dropped;

    public static bool IsActive => Volatile.Read(ref s_active) > 0;

    /// <summary>From now until the returned handle is disposed, events are held instead of printed.</summary>
    public static IDisposable Hold()
    {
        Interlocked.Increment(ref s_active);
        return new Release();
    }

    /// <summary>The most recent held events, newest last.</summary>
    public static IReadOnlyList<string> Latest(int count)
    {
        var all = s_lines.ToArray();
        return all.Length <= count ? all : all[^count..];
    }

    /// <summary>Writes every held event to <paramref name="writer"/> and empties the buffer.</summary>
    public static void Flush(TextWriter writer)
    {
        var dropped = Interlocked.Exchange(ref s_dropped, 0);
        if (dropped > 0) writer.WriteLine($"({dropped} earlier log events were not kept while the progress display ran)");
        while (s_lines.TryDequeue(out var line)) writer.WriteLine(line);
    }

    private static void Add(string line)
    {
        s_lines.Enqueue(line);
        while (s_lines.Count > Capacity && s_lines.TryDequeue(out _)) Interlocked.Increment(ref s_dropped);
    }

    private sealed class Release : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref s_active);
        }
    }

    /// <summary>Receives events only while a hold is active (the console provider is filtered off meanwhile).</summary>
    internal sealed class Provider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new BufferLogger();

        public void Dispose()
        {
        }
    }

    private sealed class BufferLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => IsActive && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            Add($"{DateTime.Now:HH:mm:ss} {Short(logLevel)}: {formatter(state, exception)}");
        }

        private static string Short(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}

using System.CommandLine;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using XmlShred.Cli.Commands;
using XmlShred.Diagnostics;

namespace XmlShred.Cli.Logging;

/// <summary>
/// The logger factory of one command invocation, built from <c>--log-level</c> and <c>--log-format</c>: events go to
/// stderr (one line of text, or one JSON object, each), except while the live progress display is on screen, when
/// they are held by <see cref="LiveLogBuffer"/> and shown inside the display, then written out when it ends.
/// </summary>
internal static class CliLogging
{
    private static readonly ConditionalWeakTable<ParseResult, ILoggerFactory> s_factories = [];

    /// <summary>The logger for XmlShred's events in this invocation (created on first use, disposed by <see cref="CliAction"/>).</summary>
    public static ILogger Logger(ParseResult result) => Factory(result).CreateLogger(LogEvents.Category);

    public static ILoggerFactory Factory(ParseResult result) =>
        s_factories.GetValue(result, r => Create(GlobalOptions.Level(r), GlobalOptions.Format(r)));

    /// <summary>Flushes and releases the invocation's factory, if one was created.</summary>
    public static void Release(ParseResult result)
    {
        if (!s_factories.TryGetValue(result, out var factory)) return;
        s_factories.Remove(result);
        factory.Dispose();
    }

    public static ILoggerFactory Create(LogLevel minimum, LogFormat format) => LoggerFactory.Create(builder =>
    {
        // Libraries (Npgsql, SqlClient) log under their own categories; only warnings of theirs are worth a line.
        bool Wanted(string? category, LogLevel level) => level >= minimum && (category == LogEvents.Category || level >= LogLevel.Warning);
        builder.SetMinimumLevel(minimum);
        // One filter per provider (MEL applies only the most specific rule): the console stays quiet while the live
        // display owns the terminal, and the buffer takes over.
        builder.AddFilter<ConsoleLoggerProvider>((category, level) => Wanted(category, level) && !LiveLogBuffer.IsActive);
        builder.AddFilter<LiveLogBuffer.Provider>((category, level) => Wanted(category, level));
        builder.AddProvider(new LiveLogBuffer.Provider());
        builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        if (format == LogFormat.Json)
        {
            builder.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            builder.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
                options.IncludeScopes = false;
            });
        }
    });
}

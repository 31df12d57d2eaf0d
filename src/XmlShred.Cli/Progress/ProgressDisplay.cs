using Spectre.Console;
using XmlShred.Cli.Logging;
using XmlShred.Pipeline;

namespace XmlShred.Cli.Progress;

/// <summary>
/// One UI loop that samples <see cref="PipelineMetrics"/>: a live Spectre table on an interactive terminal,
/// otherwise (redirected, CI, <c>--no-progress</c>) a plain line on stderr every few seconds. Pipeline threads
/// never touch the console; messages from the signal handler are shown by this loop.
/// </summary>
internal sealed class ProgressDisplay
{
    private readonly IAnsiConsole? _live;
    private volatile string? _notice;

    private ProgressDisplay(IAnsiConsole? live)
    {
        _live = live;
    }

    public static ProgressDisplay Create(bool noProgress)
    {
        if (noProgress || Console.IsErrorRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is not null) return new ProgressDisplay(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new ProgressDisplay(console.Profile.Capabilities.Interactive ? console : null);
    }

    /// <summary>Safe from any thread: the UI loop shows it on its next tick.</summary>
    public void Notify(string message)
    {
        _notice = message;
        if (_live is null) Console.Error.WriteLine(message);
    }

    public async Task<T> RunAsync<T>(PipelineMetrics metrics, long total, Func<Task<T>> run)
    {
        if (_live is null) return await PlainAsync(metrics, total, run).ConfigureAwait(false);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("XmlShred").AddColumn("");
        T result = default!;
        // Log lines written under a live display garble it: hold them, show the latest in the table, print them after.
        using var hold = LiveLogBuffer.Hold();
        await _live.Live(table).AutoClear(false).StartAsync(async ctx =>
        {
            var task = run();
            while (!task.IsCompleted)
            {
                Fill(table, metrics, total);
                ctx.Refresh();
                await Task.WhenAny(task, Task.Delay(400)).ConfigureAwait(false);
            }
            Fill(table, metrics, total);
            ctx.Refresh();
            result = await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
        hold.Dispose();
        LiveLogBuffer.Flush(Console.Error);
        return result;
    }

    private static async Task<T> PlainAsync<T>(PipelineMetrics metrics, long total, Func<Task<T>> run)
    {
        var task = run();
        while (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false) != task)
        {
            Console.Error.WriteLine(Line(metrics, total));
        }
        return await task.ConfigureAwait(false);
    }

    private static string Line(PipelineMetrics m, long total)
    {
        var done = m.Succeeded + m.Failed;
        return $"[{m.Elapsed:hh\\:mm\\:ss}] {done:N0}/{total:N0} done (ok {m.Succeeded:N0}, failed {m.Failed:N0}), {m.AppsPerSecond:N0} apps/s, "
            + $"queues: work {m.WorkDepth}, insert {m.InsertDepth} ({m.InsertBytes / 1048576.0:N1} MB), ETA {Eta(m, total)}";
    }

    private void Fill(Table table, PipelineMetrics m, long total)
    {
        var done = m.Succeeded + m.Failed;
        table.Rows.Clear();
        table.AddRow("done", $"{done:N0} / {total:N0} ({(total == 0 ? 100 : 100.0 * done / total):N1}%)");
        table.AddRow("succeeded / failed", $"[green]{m.Succeeded:N0}[/] / [red]{m.Failed:N0}[/]");
        table.AddRow("throughput", $"{m.AppsPerSecond:N0} apps/s, {m.RowsWritten / Math.Max(m.Elapsed.TotalSeconds, 1e-9):N0} rows/s");
        table.AddRow("work queue", $"{m.WorkDepth:N0} documents");
        table.AddRow("insert queue", $"{m.InsertDepth:N0} applications, {m.InsertBytes / 1048576.0:N1} MB");
        table.AddRow("elapsed / ETA", $"{m.Elapsed:hh\\:mm\\:ss} / {Eta(m, total)}");
        if (_notice is { } notice) table.AddRow("[yellow]note[/]", Markup.Escape(notice));
        foreach (var line in LiveLogBuffer.Latest(3)) table.AddRow("[grey]log[/]", Markup.Escape(line.Length <= 120 ? line : line[..117] + "..."));
    }

    private static string Eta(PipelineMetrics m, long total)
    {
        var done = m.Succeeded + m.Failed;
        var rate = m.AppsPerSecond;
        if (done == 0 || rate <= 0) return "--:--:--";
        var left = TimeSpan.FromSeconds(Math.Max(0, total - done) / rate);
        return left.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using XmlShred.Fleet;

namespace XmlShred.Cli.Progress;

/// <summary>Renders a <see cref="FleetStatus"/> as aligned plain text or as one JSON object per line.</summary>
internal static class StatusPrinter
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly string[] s_chunkStates = ["pending", "claimed", "expired", "done"];
    private static readonly string[] s_header = ["owner", "host", "heartbeat", "processed", "apps/s", "chunks", "state"];

    public static void Json(TextWriter output, FleetStatus status)
    {
        var document = new
        {
            applications = new { pending = status.Pending, claimed = status.Claimed, succeeded = status.Succeeded, failed = status.Failed, null_xml = status.NullXml },
            chunks = status.Chunks,
            chunks_over_attempt_cap = status.ChunksOverAttemptCap,
            instances = status.Instances.Select(i => new
            {
                owner = i.Owner, host = i.Host, pid = i.ProcessId, run_id = i.RunId, live = i.Live,
                heartbeat_age_seconds = Math.Round(i.HeartbeatAgeSeconds, 1), uptime_seconds = Math.Round(i.UptimeSeconds, 1),
                processed = i.Processed, rate_per_second = Math.Round(i.Rate, 1), chunks_held = i.ChunksHeld,
            }),
            fleet_rate_per_second = Math.Round(status.FleetRate, 1),
            eta_seconds = status.Eta is { } eta ? Math.Round(eta.TotalSeconds) : (double?)null,
        };
        output.WriteLine(JsonSerializer.Serialize(document, s_json));
    }

    public static void Table(TextWriter o, FleetStatus status, bool clear)
    {
        if (clear) o.Write("\u001b[2J\u001b[H");
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"Applications  pending {status.Pending:N0}   claimed {status.Claimed:N0}   succeeded {status.Succeeded:N0}   failed {status.Failed:N0}"));
        o.WriteLine(string.Create(c, $"Source rows with NULL XML (never processed): {status.NullXml:N0}"));
        var chunks = string.Join("   ", s_chunkStates.Select(s => string.Create(c, $"{s} {status.Chunks.GetValueOrDefault(s):N0}")));
        o.WriteLine($"Chunks        {chunks}");
        if (status.ChunksOverAttemptCap > 0)
            o.WriteLine(string.Create(c, $"  {status.ChunksOverAttemptCap:N0} chunk(s) reached the attempt cap (their holders kept dying) and are no longer claimed: look for the application that crashes the process."));
        var live = status.Instances.Where(i => i.Live).ToList();
        o.WriteLine(string.Create(c, $"Instances     {live.Count} live{(status.Instances.Count > live.Count ? string.Create(c, $", {status.Instances.Count - live.Count} silent (no heartbeat within their lease)") : "")}"));
        if (status.Instances.Count > 0)
        {
            var rows = new List<string[]> { s_header };
            rows.AddRange(status.Instances.Select(i => new[]
            {
                i.Owner, i.Host, string.Create(c, $"{i.HeartbeatAgeSeconds:0.0} s ago"), i.Processed.ToString("N0", c), i.Rate.ToString("N1", c),
                i.ChunksHeld.ToString(c), i.Live ? "live" : "silent",
            }));
            var widths = Enumerable.Range(0, rows[0].Length).Select(col => rows.Max(r => r[col].Length)).ToArray();
            foreach (var row in rows) o.WriteLine("  " + string.Join("  ", row.Select((cell, col) => col is 3 or 4 or 5 ? cell.PadLeft(widths[col]) : cell.PadRight(widths[col]))).TrimEnd());
        }
        var eta = status.Eta is { } e ? $"{(int)e.TotalHours}:{e.Minutes:00}:{e.Seconds:00}" : status.Remaining == 0 ? "nothing left" : "unknown (no live instance reports a rate)";
        o.WriteLine(string.Create(c, $"Fleet rate    {status.FleetRate:N1} apps/s   ETA {eta}"));
    }
}

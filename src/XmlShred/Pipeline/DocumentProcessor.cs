using System.Diagnostics;
using XmlShred.Loading;
using XmlShred.Mapping;
using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// Maps one staged document into what the writer needs: its rows plus success log row, or a failed log row.
/// Shared by the queued workers and the sequential mode. Thread-safe.
/// </summary>
internal sealed class DocumentProcessor
{
    private readonly Func<string, MappingResult> _map;
    private readonly ProcessingLogFactory _log;

    public DocumentProcessor(Func<string, MappingResult> map, ProcessingLogFactory log)
    {
        _map = map;
        _log = log;
    }

    public QueueItem Process(SourceDocument document)
    {
        var item = ProcessUnclaimed(document);
        if (document.Lease is not { } lease) return item;
        // The log row carries the chunk's lease to the writer, whose transaction checks it is still held (the fence).
        return item.Write is { } write
            ? QueueItem.Mapped(write with { Log = write.Log with { Lease = lease } })
            : QueueItem.Failed(item.Failure! with { Lease = lease });
    }

    private QueueItem ProcessUnclaimed(SourceDocument document)
    {
        var clock = Stopwatch.StartNew();
        var xml = document.Xml;
        if (document.Bytes is { } bytes)
        {
            // A binary source column: the same decoding as an XML file (load, map), never a silent U+FFFD.
            var (text, problem) = XmlFileDecoder.Decode(bytes);
            if (text is null) return QueueItem.Failed(_log.Failure(document.AppId, "parsing", problem!, clock.Elapsed.TotalMilliseconds));
            xml = text;
        }
        MappingResult result;
        try
        {
            result = _map(xml);
        }
        catch (Exception ex)
        {
            // The mapper promises not to throw for bad documents; if it does anyway, only this application fails.
            return QueueItem.Failed(_log.Failure(document.AppId, "unknown", $"{ex.GetType().Name}: {ex.Message}", clock.Elapsed.TotalMilliseconds));
        }
        var ms = clock.Elapsed.TotalMilliseconds;
        if (result.Outcome == MappingOutcome.Rejected)
            return QueueItem.Failed(_log.Failure(document.AppId, result.FailureStage ?? "mapping", result.Reason ?? "rejected", ms));
        if (result.AppId != document.AppId)
        {
            // The rows carry the mapper's app_id: writing them would store this application under another key.
            return QueueItem.Failed(_log.Failure(document.AppId, "validation",
                $"staging app_id {document.AppId} does not match Request/@ID {result.AppId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}", ms));
        }
        var write = new ApplicationWrite(document.AppId, result, _log.Success(document.AppId, ms)) { EstimatedBytes = EstimateBytes(result) };
        return QueueItem.Mapped(write);
    }

    /// <summary>A cheap upper-bound estimate of the managed memory the mapped rows hold.</summary>
    public static long EstimateBytes(MappingResult result)
    {
        long bytes = 512;
        foreach (var table in result.Tables)
        {
            bytes += 64 + table.Columns.Count * 8L;
            foreach (var row in table.Rows)
            {
                bytes += 32 + row.Length * 8L;
                foreach (var value in row)
                {
                    bytes += value switch
                    {
                        null => 0,
                        string s => 24 + s.Length * 2L,
                        _ => 24,
                    };
                }
            }
        }
        return bytes;
    }
}

using System.Text;

namespace XmlShred.Synthetic;

/// <summary>Size and validity figures of a generated corpus, for the generate command's summary and for tests.</summary>
public sealed class CorpusStats
{
    private readonly List<long> _sizes = [];
    private readonly SortedDictionary<string, int> _invalid = new(StringComparer.Ordinal);

    public int Count => _sizes.Count;
    public long TotalBytes { get; private set; }
    public IReadOnlyDictionary<string, int> InvalidByKind => _invalid;
    public int InvalidCount => _invalid.Values.Sum();

    /// <summary>Records one document; returns its size in UTF-8 bytes (what is written to disk).</summary>
    public long Add(GeneratedDocument document)
    {
        long bytes = Encoding.UTF8.GetByteCount(document.Xml);
        _sizes.Add(bytes);
        TotalBytes += bytes;
        if (document.InvalidKind is { } kind) _invalid[kind] = _invalid.GetValueOrDefault(kind) + 1;
        return bytes;
    }

    /// <summary>The size at quantile <paramref name="q"/> (0..1, nearest rank); 0 for an empty corpus.</summary>
    public long Percentile(double q)
    {
        if (_sizes.Count == 0) return 0;
        var sorted = _sizes.Order().ToList();
        var rank = (int)Math.Ceiling(q * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public long Min => Percentile(0);
    public long Median => Percentile(0.5);
    public long Max => Percentile(1);
}

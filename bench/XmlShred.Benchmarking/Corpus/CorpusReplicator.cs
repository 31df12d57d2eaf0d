using System.Globalization;
using System.Text.RegularExpressions;

namespace XmlShred.Benchmarking.Corpus;

/// <summary>
/// Makes many distinct applications out of a few sample documents (tests and the benchmark): replica <c>k</c>
/// adds <c>k × stride</c> to <c>Request/@ID</c> and to every <c>con_id</c> attribute, consistently, so each
/// replica is a new application with its own contacts. The stride must exceed every id in the samples.
/// </summary>
public static partial class CorpusReplicator
{
    /// <summary>Larger than any id in the reference samples (app ids ≤ 600,000, con_ids ≤ 1.43 M).</summary>
    public const long DefaultStride = 1_500_000;

    /// <summary>Ids stay within nine digits: the mapping engine rejects larger app ids and con_ids.</summary>
    public const long MaxId = 999_999_999;

    [GeneratedRegex("""(<Request\b[^>]*?\sID\s*=\s*")\s*(\d+)\s*(")""")]
    private static partial Regex RequestId();

    [GeneratedRegex("""(\scon_id\s*=\s*")\s*(\d+)\s*(")""")]
    private static partial Regex ConId();

    public static long Offset(int replica, long stride = DefaultStride) => replica * stride;

    /// <summary>The smallest round stride (a multiple of 100,000) above every app id and con_id in <paramref name="documents"/>.</summary>
    public static long StrideFor(IEnumerable<string> documents)
    {
        long max = 0;
        foreach (var xml in documents)
        {
            foreach (Match m in RequestId().Matches(xml)) max = Math.Max(max, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            foreach (Match m in ConId().Matches(xml)) max = Math.Max(max, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        return (max / 100_000 + 1) * 100_000;
    }

    /// <exception cref="ArgumentOutOfRangeException">An id of this replica would exceed <see cref="MaxId"/>.</exception>
    public static string Rewrite(string xml, int replica, long stride = DefaultStride)
    {
        if (replica == 0) return xml;
        var offset = Offset(replica, stride);
        string Shift(Match m)
        {
            var id = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + offset;
            if (id > MaxId) throw new ArgumentOutOfRangeException(nameof(replica), replica, $"replica {replica} × stride {stride} pushes an id past {MaxId}; use fewer replicas");
            return m.Groups[1].Value + id.ToString(CultureInfo.InvariantCulture) + m.Groups[3].Value;
        }
        xml = RequestId().Replace(xml, Shift, 1);
        return ConId().Replace(xml, Shift);
    }
}

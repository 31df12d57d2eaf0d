using System.Globalization;
using System.Text.RegularExpressions;

namespace XmlShred.Loading;

/// <summary>
/// Makes many distinct applications out of a few sample documents (tests and the benchmark): replica <c>k</c>
/// adds <c>k × Stride</c> to <c>Request/@ID</c> and to every <c>con_id</c> attribute, consistently, so each
/// replica is a new application with its own contacts.
/// </summary>
public static partial class CorpusReplicator
{
    /// <summary>Larger than any id in the reference samples (app ids ≤ 600,000, con_ids ≤ 1.5 M).</summary>
    public const long Stride = 10_000_000;

    [GeneratedRegex("""(<Request\b[^>]*?\sID\s*=\s*")\s*(\d+)\s*(")""")]
    private static partial Regex RequestId();

    [GeneratedRegex("""(\scon_id\s*=\s*")\s*(\d+)\s*(")""")]
    private static partial Regex ConId();

    public static long Offset(int replica) => replica * Stride;

    public static string Rewrite(string xml, int replica)
    {
        if (replica == 0) return xml;
        var offset = Offset(replica);
        string Shift(Match m) => m.Groups[1].Value + (long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + offset).ToString(CultureInfo.InvariantCulture) + m.Groups[3].Value;
        xml = RequestId().Replace(xml, Shift, 1);
        return ConId().Replace(xml, Shift);
    }
}

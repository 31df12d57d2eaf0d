using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// What the run's memory budget charges for each thing the pipeline holds. A document is charged from the moment
/// the reader takes it until its worker has mapped it; then the charge becomes its mapped rows' estimate, held until
/// the writer has committed them.
/// </summary>
internal static class MemoryCost
{
    /// <summary>
    /// The XML text as a .NET string (two bytes a character) plus what mapping keeps of it while it works: the
    /// elements the contract needs, the reader's buffers. Measured on the reference samples, the kept part stays
    /// well under a quarter of the text, so a quarter is a safe bound.
    /// </summary>
    public static long Document(long characters) => 2 * characters + characters / 2 + Overhead;

    public static long Document(SourceDocument document) => Document(document.Xml.Length);

    /// <summary>Object headers, the channel slot, the log row: small, but a million tiny documents are not free.</summary>
    public const long Overhead = 1024;
}

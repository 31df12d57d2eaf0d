using System.Xml;
using System.Xml.Linq;
using XmlShred.Synthetic;

namespace XmlShred.Tests.Synthetic;

/// <summary>One generated corpus shared by a test class (generating it once keeps the suite fast).</summary>
public sealed class GeneratedCorpus
{
    public const int Count = 1200;
    public const double InvalidRate = 0.1;

    public IReadOnlyList<GeneratedDocument> Documents { get; } =
        new DocumentGenerator(new GeneratorOptions { Count = Count, Seed = 20261128, InvalidRate = InvalidRate, FirstAppId = 5000 }).Generate().ToList();

    /// <summary>Parses the way the mapper must: no DTD processing, no external resolution.</summary>
    public static XDocument ParseStrict(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader);
    }
}

using System.Text;
using System.Xml;
using System.Xml.Linq;
using XmlShred.Synthetic;

namespace XmlShred.Tests.Synthetic;

public class DocumentGeneratorTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    [Fact]
    public void SameSeed_GivesIdenticalDocuments_AndDocumentsDoNotDependOnCount()
    {
        var options = new GeneratorOptions { Count = 60, Seed = 42, InvalidRate = 0.2 };
        var first = new DocumentGenerator(options).Generate().ToList();
        var second = new DocumentGenerator(options).Generate().ToList();
        var prefix = new DocumentGenerator(options with { Count = 20 }).Generate().ToList();
        var otherSeed = new DocumentGenerator(options with { Seed = 43 }).Generate().ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Take(20), prefix);
        Assert.NotEqual(first.Select(d => d.Xml), otherSeed.Select(d => d.Xml));
    }

    [Fact]
    public void Documents_HaveConsecutiveAppIdsAndUniqueFileNames()
    {
        Assert.Equal(Enumerable.Range(5000, GeneratedCorpus.Count).Select(i => (long)i), corpus.Documents.Select(d => d.AppId));
        Assert.Equal(GeneratedCorpus.Count, corpus.Documents.Select(d => d.FileName).Distinct().Count());
        Assert.Equal("demo-00005000", corpus.Documents[0].FileName);
    }

    [Fact]
    public void Sizes_StayWithin10KbAnd2Mb_WithASkewedSpread()
    {
        var stats = new CorpusStats();
        foreach (var document in corpus.Documents) stats.Add(document);

        Assert.InRange(stats.Min, 10 * 1024, 2 * 1024 * 1024);
        Assert.InRange(stats.Max, 10 * 1024, 2 * 1024 * 1024);
        Assert.InRange(stats.Median, 25 * 1024, 70 * 1024);
        Assert.True(stats.Percentile(0.9) > 2 * stats.Median, $"p90 {stats.Percentile(0.9)} vs median {stats.Median}: not skewed");
        Assert.True(stats.Max > 400 * 1024, $"max {stats.Max}: no large documents");
    }

    [Fact]
    public void InvalidShare_IsCloseToTheRate_AndEveryKindOccurs()
    {
        var invalid = corpus.Documents.Where(d => !d.IsValid).ToList();

        // binomial(1200, 0.1): mean 120, sd ~10.4; ±4 sd
        Assert.InRange(invalid.Count, 78, 162);
        Assert.Equal(InvalidKinds.All.Order(), invalid.Select(d => d.InvalidKind!).Distinct().Order());
        Assert.DoesNotContain(new DocumentGenerator(new GeneratorOptions { Count = 200 }).Generate(), d => !d.IsValid);
    }

    [Fact]
    public void ValidDocuments_AreWellFormed_WithTheShapeTheContractReads()
    {
        var conIds = new HashSet<long>();
        foreach (var document in corpus.Documents.Where(d => d.IsValid))
        {
            var root = GeneratedCorpus.ParseStrict(document.Xml).Root!;
            Assert.Equal("Provenir", root.Name.LocalName);
            var request = root.Element("Request")!;
            Assert.Equal(document.AppId.ToString(), request.Attribute("ID")?.Value);
            var contacts = request.Element("CustData")!.Element("application")!.Elements("contact").ToList();
            Assert.InRange(contacts.Count, 1, 4);
            Assert.Equal("PR", contacts[0].Attribute("party_role")!.Value.Trim(), StringComparer.OrdinalIgnoreCase);
            foreach (var contact in contacts)
            {
                var conId = long.Parse(contact.Attribute("con_id")!.Value);
                Assert.Equal(document.AppId, conId / 10);
                Assert.True(conIds.Add(conId), $"con_id {conId} repeats");
            }
        }
    }

    [Fact]
    public void Values_IncludeMessySpellings()
    {
        var all = string.Concat(corpus.Documents.Where(d => d.IsValid).Take(300).Select(d => d.Xml));

        Assert.Contains("party_role=\"pr\"", all);
        Assert.Contains("addr_type=\" CURR \"", all);
        Assert.Matches(@"phone=""\(\d{3}\) 555-01\d\d""", all);
        Assert.Matches(@"=""\d{1,3},\d{3}\.\d\d""", all);
        Assert.Matches(@"birth_date=""\d\d/\d\d/\d{4}""", all);
        Assert.Contains("&amp;", all);
    }

    [Theory]
    [InlineData(InvalidKinds.Truncated)]
    [InlineData(InvalidKinds.Doctype)]
    [InlineData(InvalidKinds.MissingId)]
    [InlineData(InvalidKinds.NonNumericId)]
    [InlineData(InvalidKinds.WrongApplication)]
    public void InvalidDocuments_AreInvalidTheWayTheirKindSays(string kind)
    {
        var documents = corpus.Documents.Where(d => d.InvalidKind == kind).ToList();
        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            switch (kind)
            {
                case InvalidKinds.Truncated:
                    Assert.DoesNotContain("</Provenir>", document.Xml);
                    Assert.Throws<XmlException>(() => GeneratedCorpus.ParseStrict(document.Xml));
                    break;
                case InvalidKinds.Doctype:
                    Assert.Contains("<!DOCTYPE", document.Xml);
                    Assert.Throws<XmlException>(() => GeneratedCorpus.ParseStrict(document.Xml));
                    break;
                case InvalidKinds.MissingId:
                    Assert.True(string.IsNullOrWhiteSpace(Request(document).Attribute("ID")?.Value));
                    break;
                case InvalidKinds.NonNumericId:
                    var id = Request(document).Attribute("ID")!.Value.Trim();
                    Assert.NotEmpty(id);
                    Assert.False(id.All(char.IsAsciiDigit), $"ID '{id}' is numeric");
                    break;
                default:
                    Assert.Null(Request(document).Element("CustData")!.Element("application"));
                    break;
            }
        }
    }

    [Fact]
    public void Options_RejectAppIdsWhoseConIdsWouldOverflow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentGenerator(new GeneratorOptions { Count = 2, FirstAppId = GeneratorOptions.MaxAppId }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentGenerator(new GeneratorOptions { Count = 1, InvalidRate = 1.5 }));
    }

    [Fact]
    public void MaxBytes_CapsEveryDocumentAndIsValidated()
    {
        var capped = new DocumentGenerator(new GeneratorOptions { Count = 300, Seed = 3, MaxBytes = 16 * 1024 }).Generate().ToList();
        Assert.All(capped, d => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(d.Xml), 10 * 1024, 16 * 1024));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentGenerator(new GeneratorOptions { Count = 1, MaxBytes = 8 * 1024 }));
    }

    [Fact]
    public void FileSizes_CountUtf8Bytes()
    {
        var withAccent = corpus.Documents.First(d => d.Xml.Contains("Renée") || d.Xml.Contains("Tomás"));
        var stats = new CorpusStats();

        Assert.Equal(Encoding.UTF8.GetByteCount(withAccent.Xml), stats.Add(withAccent));
        Assert.True(stats.TotalBytes > withAccent.Xml.Length);
    }

    private static XElement Request(GeneratedDocument document) => GeneratedCorpus.ParseStrict(document.Xml).Root!.Element("Request")!;
}

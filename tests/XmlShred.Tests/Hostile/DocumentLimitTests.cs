using XmlShred.Mapping;
using XmlShred.Xml;

namespace XmlShred.Tests.Hostile;

/// <summary>Each per-document limit: just under it maps, just over it fails with a reason naming the limit (its XmlLimits setting) and the application.</summary>
public class DocumentLimitTests
{
    private static MappingResult Map(string xml, XmlLimits limits) =>
        new DocumentMapper(HostileCorpusTests.Contract, new MappingOptions { Limits = limits }).Map(xml);

    private static void AssertMaps(string xml, XmlLimits limits)
    {
        var result = Map(xml, limits);
        Assert.True(result.Outcome == MappingOutcome.Mapped, result.Reason);
    }

    private static void AssertFails(string xml, XmlLimits limits, string reason)
    {
        var result = Map(xml, limits);
        Assert.Equal(MappingOutcome.Rejected, result.Outcome);
        Assert.Equal(7L, result.AppId);
        Assert.Contains(reason, result.Reason);
    }

    [Fact]
    public void Depth()
    {
        // Provenir/Request/CustData/application/contact: 5 levels; two more inside the application make 6.
        var xml = HostileCorpus.Document(7, inner: "<a><b/></a>");
        AssertMaps(xml, new XmlLimits { MaxDepth = 6 });
        AssertFails(xml, new XmlLimits { MaxDepth = 5 }, "app_id 7: document nests elements deeper than the limit of 5 levels (XmlLimits.MaxDepth) at <b>");
    }

    [Fact]
    public void ElementCount()
    {
        var xml = HostileCorpus.Document(7, inner: "<e/><e/><e/>"); // 5 + 3 elements
        AssertMaps(xml, new XmlLimits { MaxElements = 8 });
        AssertFails(xml, new XmlLimits { MaxElements = 7 }, "app_id 7: document has more than the limit of 7 elements (XmlLimits.MaxElements)");
    }

    [Fact]
    public void AttributesPerElement()
    {
        var xml = HostileCorpus.Document(7, inner: "<z a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\" h=\"8\"/>"); // the contact has 7
        AssertMaps(xml, new XmlLimits { MaxAttributes = 8 });
        AssertFails(xml, new XmlLimits { MaxAttributes = 7 }, "element <z> has 8 attributes, more than the limit of 7 (XmlLimits.MaxAttributes)");
    }

    [Fact]
    public void AttributeLength()
    {
        var xml = HostileCorpus.Document(7, token: new string('t', 40));
        AssertMaps(xml, new XmlLimits { MaxAttributeLength = 40 });
        AssertFails(xml, new XmlLimits { MaxAttributeLength = 39 }, "app_id 7: attribute device_token is 40 characters long, more than the limit of 39 (XmlLimits.MaxAttributeLength)");
    }

    [Fact]
    public void DocumentBytes()
    {
        var xml = HostileCorpus.Document(7, first: "Zoë"); // ë is two bytes in UTF-8
        var bytes = System.Text.Encoding.UTF8.GetByteCount(xml);
        AssertMaps(xml, new XmlLimits { MaxDocumentBytes = bytes });
        var result = Map(xml, new XmlLimits { MaxDocumentBytes = bytes - 1 });
        Assert.Equal(MappingOutcome.Rejected, result.Outcome);
        Assert.Contains($"document is larger than the limit of {bytes - 1:N0} bytes (XmlLimits.MaxDocumentBytes)", result.Reason);
    }

    [Fact]
    public void TimeBudget_ElapsedWhileReading_FailsTheDocument()
    {
        // A budget no real clock can meet: the check after the first 1,024 elements already finds it spent.
        var xml = HostileCorpus.Document(7, inner: string.Concat(Enumerable.Repeat("<e/>", 3000)));
        AssertMaps(xml, new XmlLimits { TimeBudget = TimeSpan.FromMinutes(5) });
        AssertFails(xml, new XmlLimits { TimeBudget = TimeSpan.FromTicks(1) }, "(XmlLimits.TimeBudget)");
    }

    [Fact]
    public void EveryLimit_MustBePositive_AndTheErrorNamesTheSettingNotACommandLineFlag()
    {
        AssertNamesSetting("MaxDepth", () => new XmlLimits { MaxDepth = 0 }.Validate());
        AssertNamesSetting("MaxDocumentBytes", () => new XmlLimits { MaxDocumentBytes = -1 }.Validate());
        AssertNamesSetting("TimeBudget", () => new XmlLimits { TimeBudget = TimeSpan.Zero }.Validate());
        AssertNamesSetting("MaxElements", () => _ = new DocumentMapper(HostileCorpusTests.Contract, new MappingOptions { Limits = new XmlLimits { MaxElements = 0 } }));
        new XmlLimits().Validate();

        static void AssertNamesSetting(string setting, Action validate)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(validate);
            Assert.Equal(setting, error.ParamName);
            Assert.Contains($"XmlLimits.{setting} must be positive", error.Message);
            Assert.DoesNotContain("--", error.Message);
        }
    }

    [Fact]
    public void DeepNesting_WithTheLimitRaised_ReadsInLinearMemory_AndDeepDescendantsAreFound()
    {
        // 100,000 levels used to build every path string (depth² characters, ~20 GB); a raised limit now just reads it.
        const int levels = 100_000;
        var inner = string.Concat(Enumerable.Repeat("<a>", levels)) + string.Concat(Enumerable.Repeat("</a>", levels));
        var xml = HostileCorpus.Document(7, inner: inner);
        var before = GC.GetAllocatedBytesForCurrentThread();
        AssertMaps(xml, new XmlLimits { MaxDepth = levels + 10 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1L << 30, $"{allocated:N0} bytes allocated for a 0.7 MB document");

        var document = XmlDocumentReader.TryRead(HostileCorpus.Document(7, inner: "<q>" + inner + "</q>"), new XmlLimits { MaxDepth = levels + 10 },
            new ReadPlan([], ["q"], []), out var error);
        Assert.Null(error);
        Assert.Equal(levels, document!.Elements.Single(e => e.Name == "q").Descendants("a").Count);
    }
}

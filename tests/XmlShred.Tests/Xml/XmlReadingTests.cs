using XmlShred.Tests.Mapping;
using XmlShred.Mapping;

namespace XmlShred.Tests.Xml;

/// <summary>Reading the XML: cleaning (XML-1), DOCTYPE (XML-2), outline checks (REJECT-1), size limit (XML-7), attribute values and the path index (XML-3 to XML-5).</summary>
public class XmlReadingTests
{
    private static TestContract C() => new TestContract().AppId().Add("loan", "name", TestContract.App, "name", nullable: true);

    [Theory] // XML-1: BOM variants and leading control characters are removed
    [InlineData("\uFEFF")]
    [InlineData("\u00EF\u00BB\u00BF")]
    [InlineData("\u0001\u0002  \r\n")]
    public void LeadingByteOrderMarksAndControlCharacters_AreRemoved(string prefix)
    {
        var r = C().Map(prefix + Doc.Xml(appAttrs: "name=\"A\""));
        Assert.Equal("A", r.Single("loan")["name"]);
    }

    [Fact] // XML-2: DOCTYPE refused
    public void Doctype_IsRejected()
    {
        var xml = "<!DOCTYPE Provenir [<!ENTITY e \"boom\">]>" + Doc.Xml(appAttrs: "name=\"&e;\"");
        var r = C().Map(xml);
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.False(string.IsNullOrEmpty(r.Reason));
        Assert.Empty(r.Tables);
    }

    [Theory] // REJECT-1: structure checks
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("<Other><Request ID=\"1\"/></Other>")]
    [InlineData("<Provenir><Request ID=\"1\">")]
    public void BadOutline_IsRejectedWithReason(string xml)
    {
        var r = C().Map(xml);
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.Contains("Invalid XML structure or format", r.Reason);
    }

    [Fact] // REJECT-1: not well-formed
    public void MalformedXml_IsRejectedWithReason()
    {
        var r = C().Map("<Provenir><Request ID=\"1\"><CustData><application name=\"a></CustData></Request></Provenir>");
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(r.Reason));
    }

    [Fact] // size limit
    public void MaxDocumentBytes_RejectsLargeDocuments()
    {
        var xml = Doc.Xml(appAttrs: "name=\"" + new string('x', 5000) + "\"");
        var mapper = new DocumentMapper(C().Build(), new MappingOptions { Limits = new XmlShred.Xml.XmlLimits { MaxDocumentBytes = 1000 }, UtcNow = () => Fixed.Now });
        var r = mapper.Map(xml);
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(r.Reason));
        var ok = new DocumentMapper(C().Build(), new MappingOptions { Limits = new XmlShred.Xml.XmlLimits { MaxDocumentBytes = 100_000 }, UtcNow = () => Fixed.Now }).Map(xml);
        Assert.Equal(MappingOutcome.Mapped, ok.Outcome);
    }

    [Fact] // XML-4: the last element of a path wins wholesale (attributes not merged)
    public void LastElementOfAPath_WinsWholesale()
    {
        var c = new TestContract().AppId()
            .Add("loan", "a", TestContract.App + "/prod", "a", nullable: true)
            .Add("loan", "b", TestContract.App + "/prod", "b", nullable: true);
        var r = c.Map(Doc.Xml("<prod a=\"first\" b=\"B1\"/><prod b=\"B2\"/>"));
        var row = r.Single("loan");
        Assert.False(row.ContainsKey("a") && row["a"] is not null);
        Assert.Equal("B2", row["b"]);
    }

    [Fact] // XML-5: exact attribute name first, then the first CI match
    public void AttributeName_ExactFirstThenFirstCaseInsensitiveMatch()
    {
        var c = new TestContract().AppId()
            .Add("loan", "x", TestContract.App, "Name", nullable: true)
            .Add("loan", "y", TestContract.App, "CODE", nullable: true);
        var r = c.Map(Doc.Xml(appAttrs: "name=\"lower\" Name=\"exact\" code=\"c1\" Code=\"c2\""));
        var row = r.Single("loan");
        Assert.Equal("exact", row["x"]);
        Assert.Equal("c1", row["y"]);
    }

    [Fact] // XML-5: missing path → null
    public void MissingPath_IsNull()
    {
        var c = new TestContract().AppId().Add("loan", "x", TestContract.App + "/nothing", "a", nullable: true).Add("loan", "y", TestContract.App, "y");
        var row = C2(c);
        Assert.Null(row.Get("x"));
        static Dictionary<string, object?> C2(TestContract c) => c.Map(Doc.Xml(appAttrs: "y=\"1\"")).Single("loan");
    }

    [Fact] // XML-3: entities decoded exactly once, values trimmed
    public void Entities_AreDecodedExactlyOnce_AndValuesTrimmed()
    {
        var r = C().Map(Doc.Xml(appAttrs: "name=\"  A&amp;amp;B &#65; \""));
        Assert.Equal("A&amp;B A", r.Single("loan")["name"]);
    }

    [Fact] // XML-3: contact-level reads see the same decoded+trimmed value
    public void ContactAttributes_AreDecodedAndTrimmedTheSameWay()
    {
        var c = new TestContract().AppId().Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var r = c.Map(Doc.Xml("<person con_id=\"1\" role=\"PR\" first_name=\" A&amp;amp;B \"/>"));
        Assert.Equal("A&amp;B", r.Single("app_contact_base")["first_name"]);
    }

    [Fact] // XML-6 comments are not elements; element text is never mapped
    public void CommentsAndText_AreIgnored()
    {
        var r = C().Map(Doc.Xml("<!-- c -->text", appAttrs: "name=\"N\""));
        Assert.Equal("N", r.Single("loan")["name"]);
    }
}

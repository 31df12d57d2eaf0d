using XmlShred.Loading;

namespace XmlShred.Tests.Loading;

public class RequestIdReaderTests
{
    [Theory]
    [InlineData("<Provenir><Request ID=\"0777\"><CustData/></Request></Provenir>", 777L, null)]
    [InlineData("<Provenir><Request Process=\"x\"/></Provenir>", null, "no ID attribute")]
    [InlineData("<Provenir><Request ID=\"12.0\"/></Provenir>", null, "not a positive integer")]
    [InlineData("<Provenir><Other/></Provenir>", null, "no Request element")]
    [InlineData("<Provenir><Request ID=\"5\">", 5L, null)] // stops at Request: the rest is the mapper's business
    [InlineData("<!DOCTYPE x [<!ENTITY e \"1\">]><Provenir><Request ID=\"&e;\"/></Provenir>", null, "not well-formed")]
    public void Read_FindsTheIdOrSaysWhyNot(string xml, long? expected, string? problem)
    {
        var (appId, reason) = RequestIdReader.Read(xml);

        Assert.Equal(expected, appId);
        if (problem is null) Assert.Null(reason);
        else Assert.Contains(problem, reason);
    }

    [Fact]
    public void CorpusReplicator_ShiftsTheRequestIdAndEveryConId_Consistently()
    {
        const string xml = "<Provenir><Request Process=\"a\" ID=\"42\"><CustData><contact con_id=\"7\"/><x con_id=\" 7 \"/><y my_con_id=\"7\"/></CustData></Request></Provenir>";

        var copy = CorpusReplicator.Rewrite(xml, 3, stride: 1000);

        Assert.Equal(3_042L, RequestIdReader.Read(copy).AppId);
        Assert.Equal(2, copy.Split("con_id=\"3007\"").Length - 1);
        Assert.Contains("my_con_id=\"7\"", copy);
        Assert.Equal(xml, CorpusReplicator.Rewrite(xml, 0));
        Assert.Equal(100_000, CorpusReplicator.StrideFor([xml]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusReplicator.Rewrite(xml, 1, CorpusReplicator.MaxId));
    }
}

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
}

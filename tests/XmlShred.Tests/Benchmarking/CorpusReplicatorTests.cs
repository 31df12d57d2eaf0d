using XmlShred.Benchmarking.Corpus;
using XmlShred.Loading;

namespace XmlShred.Tests.Benchmarking;

public class CorpusReplicatorTests
{
    [Fact]
    public void Rewrite_ShiftsTheRequestIdAndEveryConId_Consistently()
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

namespace XmlShred.Tests.Conformance;

/// <summary>Every golden file of ../shared/reference/golden must match the rows mapped from its sample (OUTPUT-7).</summary>
public class GoldenConformanceTests
{
    public static TheoryData<string> CreditCard => GoldenCases.Stems("cc");

    public static TheoryData<string> RecLending => GoldenCases.Stems("rl");

    [Theory]
    [MemberData(nameof(CreditCard))]
    public void CreditCardSample_MatchesGolden(string stem)
    {
        var problems = GoldenCases.Check("cc", stem);
        Assert.True(problems is null, problems);
    }

    [Theory]
    [MemberData(nameof(RecLending))]
    public void RecLendingSample_MatchesGolden(string stem)
    {
        var problems = GoldenCases.Check("rl", stem);
        Assert.True(problems is null, problems);
    }
}

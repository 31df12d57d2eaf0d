using XmlShred.Mapping;

namespace XmlShred.Tests.Conformance;

/// <summary><c>--contract-dir … --product-line auto</c>: each document picks the contract whose application element it has.</summary>
public class ProductLineSelectionTests
{
    private static ProductLineMapper Mapper() => ProductLineMapper.FromDirectory(SharedReference.Path("contracts"));

    [Fact]
    public void EachReferenceSample_PicksTheContractOfItsProductLine()
    {
        var mapper = Mapper();
        foreach (var line in new[] { "cc", "rl" })
        {
            foreach (var file in Directory.EnumerateFiles(SharedReference.Path("samples", line), "*.xml").Take(15))
            {
                var (result, contract) = mapper.MapWithContract(File.ReadAllText(file));
                if (result.Outcome == MappingOutcome.Rejected && contract is null) continue; // malformed samples fit no contract
                Assert.NotNull(contract);
                Assert.Equal(line == "cc" ? "application" : "IL_application", contract!.ApplicationElement);
                Assert.Contains(result.Tables, t => t.Name.EndsWith("_" + line, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void DocumentWithNeitherApplicationElement_IsRejectedNamingWhatItHasAndWhatIsExpected()
    {
        var (result, contract) = Mapper().MapWithContract("<Provenir><Request ID=\"5\"><CustData><lease_application/></CustData></Request></Provenir>");

        Assert.Null(contract);
        Assert.Equal(MappingOutcome.Rejected, result.Outcome);
        Assert.Equal("validation", result.FailureStage);
        Assert.Contains("lease_application", result.Reason);
        Assert.Contains("IL_application", result.Reason);
    }

    [Fact]
    public void ExplicitContract_RejectsTheOtherProductLine_WithAClearReason()
    {
        var cc = XmlShred.Contract.ContractLoader.LoadFile(SharedReference.Path("contracts", "mapping_contract_cc.json"));
        var rlSample = Directory.EnumerateFiles(SharedReference.Path("samples", "rl"), "*.xml").First();

        var result = new DocumentMapper(cc).Map(File.ReadAllText(rlSample));

        Assert.Equal(MappingOutcome.Rejected, result.Outcome);
        Assert.Contains("Wrong product line", result.Reason);
    }
}

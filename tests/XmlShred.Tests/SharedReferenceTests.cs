namespace XmlShred.Tests;

public class SharedReferenceTests
{
    [Fact]
    public void Reference_WhenPresent_HoldsBothContracts()
    {
        var contracts = SharedReference.Path("contracts");
        Assert.True(File.Exists(System.IO.Path.Combine(contracts, "mapping_contract_cc.json")));
        Assert.True(File.Exists(System.IO.Path.Combine(contracts, "mapping_contract_rl.json")));
    }
}

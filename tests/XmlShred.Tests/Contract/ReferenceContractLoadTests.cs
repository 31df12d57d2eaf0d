using XmlShred.Contract;

namespace XmlShred.Tests.Contract;

public class ReferenceContractLoadTests
{
    [Theory]
    [InlineData("mapping_contract_cc.json")]
    [InlineData("mapping_contract_rl.json")]
    public void ReferenceContract_LoadsUnchanged_WithContactAddressAndKeyValueTablesDerived(string file)
    {
        var contract = ContractLoader.LoadFile(SharedReference.Path("contracts", file));

        Assert.NotNull(contract.ContactTable);
        Assert.NotNull(contract.AddressTable);
        Assert.NotNull(contract.EmploymentTable);
        Assert.Equal([BuilderColumns.ConId], contract.ContactTable!.KeyColumns);
        Assert.Equal(2, contract.AddressTable!.KeyColumns.Count);
        Assert.Contains(contract.Tables, t => t.Kind == TableKind.Score);
        Assert.Contains(contract.Tables, t => t.Kind == TableKind.History);
        Assert.Equal(contract.Tables.Select((t, i) => i), contract.Tables.Select(t => t.WriteOrder));
    }
}

using XmlShred.Contract;

namespace XmlShred.Tests.Synthetic;

public class ExampleContractTests
{
    [Fact]
    public void ExampleContract_CompilesWithoutErrorsOrWarnings()
    {
        var (contract, diagnostics) = ContractLoader.Compile(File.ReadAllBytes(ExampleFiles.ContractPath), "contract");

        Assert.Empty(diagnostics.Select(d => d.ToString()));
        Assert.NotNull(contract);
    }

    [Fact]
    public void ExampleContract_LoadsFromFile_WithEveryTableKindDerived()
    {
        var contract = ContractLoader.LoadFile(ExampleFiles.ContractPath);

        Assert.Equal("app_contact_base", contract.ContactTable?.Name);
        Assert.Equal("app_contact_address", contract.AddressTable?.Name);
        Assert.Equal("app_contact_employment", contract.EmploymentTable?.Name);
        var kinds = contract.Tables.Select(t => t.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<TableKind>().ToHashSet(), kinds);
        Assert.Equal(["PR", "AUTHU", "JOINT"], contract.ContactRule.TypeList);
    }

    [Fact]
    public void ExampleContract_UsesEveryMappingTypeAndChainTheGuidePromises()
    {
        var contract = ContractLoader.LoadFile(ExampleFiles.ContractPath);
        var entries = contract.Tables.SelectMany(t => t.Entries).ToList();
        var tokens = entries.SelectMany(e => e.Tokens).Select(t => t.Name).ToHashSet();
        var chains = entries.Select(e => string.Join(",", e.Tokens.Select(t => t.Name))).ToHashSet();

        Assert.Superset(ExpectedTokens, tokens);
        Assert.Contains("last_valid_pr_contact,enum", chains);
        Assert.Contains("last_valid_pr_contact,add_history", chains);
        Assert.Contains("calculated_field,enum", chains);
        Assert.Contains("authu_contact,char_to_bit", chains);
        Assert.Contains("curr_address_only,numbers_only", chains);
        Assert.Contains("char_to_bit,warranty_field", chains);
        Assert.Contains(entries, e => e.FindToken(MappingTokenKind.PolicyExceptions)?.Parameter == "");
        Assert.Contains(entries, e => e.FindToken(MappingTokenKind.AddReportLookup) is { Parameter: null });
        Assert.Contains(entries, e => e.DataLength == -1);
        Assert.Contains(entries, e => e.ExcludeDefaultWhenRecordEmpty);
        // an unknown code finds the "" fallback only in maps that have one
        Assert.Contains(entries, e => e.Has(MappingTokenKind.Enum) && e.EnumMap!.Lookup("no such code") is not null);
        Assert.Contains(entries, e => e.Has(MappingTokenKind.Enum) && e.EnumMap!.Lookup("no such code") is null);
    }

    internal static readonly HashSet<string> ExpectedTokens =
    [
        "enum", "char_to_bit", "boolean_to_bit", "numbers_only", "extract_numeric", "identity_insert", "extract_date",
        "calculated_field", "last_valid_pr_contact", "last_valid_sec_contact", "authu_contact", "curr_address_only",
        "add_score", "add_indicator", "add_history", "add_report_lookup", "policy_exceptions", "warranty_field", "add_collateral",
    ];
}

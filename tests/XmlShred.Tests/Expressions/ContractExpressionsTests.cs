using System.Text.Json;
using XmlShred.Expressions;

namespace XmlShred.Tests.Expressions;

/// <summary>
/// Every expression the shipped contracts carry must compile (CONTRACT-9), and the EXPR-10 rules hold for the
/// ones whose behaviour docs/contract-semantics.md spells out.
/// </summary>
public class ContractExpressionsTests
{
    [Theory]
    [InlineData("mapping_contract_cc.json")]
    [InlineData("mapping_contract_rl.json")]
    public void AllContractExpressions_Parse(string contractFile)
    {
        using var contract = JsonDocument.Parse(File.ReadAllText(SharedReference.Path("contracts", contractFile)));
        var parsed = 0;
        foreach (var mapping in contract.RootElement.GetProperty("mappings").EnumerateArray())
        {
            if (!mapping.TryGetProperty("expression", out var expression) || expression.ValueKind != JsonValueKind.String) continue;
            CompiledExpression.Parse(expression.GetString()!);
            parsed++;
        }
        Assert.True(parsed > 0);
    }

    private const string RlMonthsAtAddressExpression =
        "CASE WHEN (months_at_residence > 0 OR years_at_residence > 0) THEN (months_at_residence + (years_at_residence * 12)) END";

    // EXPR-10 RL months_at_address: m=5,y="" → NULL; m=5,y=0 → 5; m=0,y=0 → NULL.
    [Theory]
    [InlineData("5", "", "NULL")]
    [InlineData("5", "0", "5")]
    [InlineData("0", "0", "NULL")]
    [InlineData("2", "3", "38")]
    public void RlMonthsAtAddress(string months, string years, string expected) =>
        Assert.Equal(expected, Expr.Run(RlMonthsAtAddressExpression, ("months_at_residence", months), ("years_at_residence", years)));

    private const string RlRegbEndDateExpression =
        "CASE WHEN IL_app_decision_info.regb_closed_days_num > 0 AND IL_application.app_entry_date IS NOT EMPTY " +
        "THEN DATEADD(day, IL_app_decision_info.regb_closed_days_num, IL_application.app_entry_date) " +
        "WHEN IL_app_decision_info.regb_closed_days_num > 0 AND IL_application.app_receive_date IS NOT EMPTY " +
        "THEN DATEADD(day, IL_app_decision_info.regb_closed_days_num, IL_application.app_receive_date) END";

    // EXPR-10 RL regb_end_date: entry (else receive) date + N days with its time of day; N = "0" → no value.
    [Theory]
    [InlineData("30", "2024-01-15 10:20:30", "", "2024-02-14T10:20:30")]
    [InlineData("30", "", "4/2/2020 5:53 PM", "2020-05-02T17:53:00")]
    [InlineData("0", "2024-01-15 10:20:30", "", "NULL")]
    [InlineData("", "2024-01-15 10:20:30", "", "NULL")]
    public void RlRegbEndDate(string days, string entry, string receive, string expected) =>
        Assert.Equal(expected, Expr.Run(RlRegbEndDateExpression,
            ("IL_app_decision_info.regb_closed_days_num", days),
            ("IL_application.app_entry_date", entry),
            ("IL_application.app_receive_date", receive)));

    // EXPR-10 CC cb_score_factor_type_*: CI comparisons ('cm' matches 'CM'), date test against DATE('2023-10-11 00:00:00').
    [Theory]
    [InlineData("cm", "2023-10-12T01:02:03", "'AJ'")]
    [InlineData("CM", "2023-10-10", "''")]
    [InlineData("CM", "not a date", "''")]
    public void CcScoreFactor(string population, string receiveDate, string expected) =>
        Assert.Equal(expected, Expr.Run(
            "CASE WHEN app_product.adverse_actn1_type_cd IS NOT EMPTY AND application.app_receive_date > DATE('2023-10-11 00:00:00') " +
            "AND application.population_assignment = 'CM' THEN 'AJ' ELSE '' END",
            ("app_product.adverse_actn1_type_cd", "X1"),
            ("application.app_receive_date", receiveDate),
            ("application.population_assignment", population)));
}

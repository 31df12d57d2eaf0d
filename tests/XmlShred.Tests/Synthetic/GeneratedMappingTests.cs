using XmlShred.Contract;
using XmlShred.Mapping;

namespace XmlShred.Tests.Synthetic;

/// <summary>Generated documents through the real engine: they map, the broken ones are rejected, every entry fires.</summary>
public class GeneratedMappingTests(MappedCorpus corpus) : IClassFixture<MappedCorpus>
{
    private static readonly string[] s_keyValueTables = ["scores", "indicators", "app_historical_lookup", "app_report_results_lookup"];

    [Fact]
    public void EveryValidDocument_IsMapped_WithContactAddressAndKeyValueRows()
    {
        var valid = corpus.Pairs.Where(p => p.Document.IsValid).ToList();
        Assert.True(valid.Count > 150, $"only {valid.Count} valid documents");
        foreach (var (document, result) in valid)
        {
            Assert.True(result.Outcome == MappingOutcome.Mapped, $"{document.FileName}: {result.Reason}");
            Assert.Equal(document.AppId, result.AppId);
            var tables = result.Tables.ToDictionary(t => t.Name, t => t.Rows.Count);
            Assert.Equal(1, tables.GetValueOrDefault("app_base"));
            Assert.InRange(tables.GetValueOrDefault("app_contact_base"), 1, 4);
            Assert.True(tables.GetValueOrDefault("app_contact_address") >= 1, $"{document.FileName}: no address rows");
            Assert.True(tables.GetValueOrDefault("scores") >= 1, $"{document.FileName}: no score rows");
        }
        foreach (var table in s_keyValueTables)
        {
            Assert.NotEmpty(corpus.Rows(table));
        }
    }

    [Fact]
    public void EveryInvalidDocument_IsRejected()
    {
        var invalid = corpus.Pairs.Where(p => !p.Document.IsValid).ToList();
        Assert.NotEmpty(invalid);
        foreach (var (document, result) in invalid)
        {
            Assert.True(result.Outcome == MappingOutcome.Rejected, $"{document.FileName} ({document.InvalidKind}) was mapped");
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            Assert.Empty(result.Tables);
        }
    }

    [Fact]
    public void ContactRows_BelongToTheirApplication()
    {
        foreach (var (document, result) in corpus.Pairs.Where(p => p.Document.IsValid))
        {
            var contacts = result.Tables.Single(t => t.Name == "app_contact_base");
            var conId = contacts.Plan.Ordinal("con_id");
            Assert.All(contacts.Rows, row => Assert.Equal(document.AppId, (long)row[conId]! / 10));
        }
    }

    /// <summary>Proves the example covers every mapping type: each entry (hence each type) yields a non-null value somewhere.</summary>
    [Fact]
    public void EveryEntryOfTheExampleContract_ProducesANonNullValue()
    {
        var entries = corpus.Contract.Tables.SelectMany(t => t.Entries).OrderBy(e => e.Index).ToList();
        var silent = entries.Where(e => !Produces(e)).Select(e => $"{e} [{string.Join(", ", e.Tokens)}]").ToList();

        Assert.Empty(silent);
        var covered = entries.SelectMany(e => e.Tokens).Select(t => t.Name).ToHashSet();
        Assert.Superset(ExampleContractTests.ExpectedTokens, covered);
    }

    /// <summary>Where an entry's value lands: its own column, or for key/value builders the row its token names.</summary>
    private bool Produces(MappingEntry entry)
    {
        var rows = corpus.Rows(entry.TargetTable);
        var kind = corpus.Contract.FindTable(entry.TargetTable)!.Kind;
        string? Param(string token) => entry.FindToken(MappingTokenKinds.FromName(token))?.Parameter;
        return kind switch
        {
            TableKind.Score => rows.Any(r => Text(r["score_identifier"]) == Param("add_score") && r["score"] is not null),
            TableKind.Indicator => rows.Any(r => Text(r["indicator"]) == Param("add_indicator")),
            TableKind.History => rows.Any(r => Text(r["name"]) == $"[{entry.XmlAttribute}]" && r["value"] is not null),
            TableKind.ReportLookup => rows.Any(r => Text(r["name"]) == entry.XmlAttribute && r["value"] is not null),
            TableKind.PolicyException => Param("policy_exceptions") is { Length: > 0 } type
                ? rows.Any(r => Text(r["policy_exception_type_enum"]) == type && r["reason_code"] is not null)
                : rows.Any(r => r.GetValueOrDefault("notes") is not null),
            TableKind.Warranty => rows.Any(r => Text(r["warranty_type_enum"]) == Param("warranty_field") && r.GetValueOrDefault(entry.TargetColumn) is not null),
            TableKind.Collateral => rows.Any(r => Text(r["sort_order"]) == Param("add_collateral") && r.GetValueOrDefault(entry.TargetColumn) is not null),
            _ => rows.Any(r => r.GetValueOrDefault(entry.TargetColumn) is not null and not ""),
        };
    }

    private static string? Text(object? value) => value?.ToString();
}

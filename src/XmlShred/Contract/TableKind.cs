namespace XmlShred.Contract;

/// <summary>
/// How a target table's rows are built, derived from the contract (never from the table's name):
/// contact/address/employment from the relationship whose child element matches a filter rule,
/// key/value kinds from the row-creating token its entries carry, everything else one row per application.
/// </summary>
public enum TableKind
{
    /// <summary>One row per application (ROW-2).</summary>
    Application,
    /// <summary>One row per valid contact (ROW-3).</summary>
    Contact,
    /// <summary>One row per selected address child of a contact (CHILD-2).</summary>
    Address,
    /// <summary>One row per selected employment child of a contact (CHILD-2).</summary>
    Employment,
    /// <summary><c>add_score(id)</c> rows (KV-2).</summary>
    Score,
    /// <summary><c>add_indicator(name)</c> rows (KV-3).</summary>
    Indicator,
    /// <summary><c>add_history</c> rows (KV-4).</summary>
    History,
    /// <summary><c>add_report_lookup(key)</c> rows (KV-5).</summary>
    ReportLookup,
    /// <summary><c>policy_exceptions(n)</c> rows (KV-6).</summary>
    PolicyException,
    /// <summary><c>warranty_field(n)</c> rows (KV-7).</summary>
    Warranty,
    /// <summary><c>add_collateral(n)</c> slot rows (KV-8).</summary>
    Collateral,
}

internal static class TableKinds
{
    /// <summary>The row-creating token of a kind, or <see cref="MappingTokenKind.Unknown"/> for kinds built from elements.</summary>
    public static MappingTokenKind RowCreatingToken(this TableKind kind) => kind switch
    {
        TableKind.Score => MappingTokenKind.AddScore,
        TableKind.Indicator => MappingTokenKind.AddIndicator,
        TableKind.History => MappingTokenKind.AddHistory,
        TableKind.ReportLookup => MappingTokenKind.AddReportLookup,
        TableKind.PolicyException => MappingTokenKind.PolicyExceptions,
        TableKind.Warranty => MappingTokenKind.WarrantyField,
        TableKind.Collateral => MappingTokenKind.AddCollateral,
        _ => MappingTokenKind.Unknown,
    };

    public static TableKind? FromRowCreatingToken(MappingTokenKind token) => token switch
    {
        MappingTokenKind.AddScore => TableKind.Score,
        MappingTokenKind.AddIndicator => TableKind.Indicator,
        MappingTokenKind.AddHistory => TableKind.History,
        MappingTokenKind.AddReportLookup => TableKind.ReportLookup,
        MappingTokenKind.PolicyExceptions => TableKind.PolicyException,
        MappingTokenKind.WarrantyField => TableKind.Warranty,
        MappingTokenKind.AddCollateral => TableKind.Collateral,
        _ => null,
    };

    /// <summary>Rows of these kinds may belong to another application already stored: insert only if absent (OUTPUT-6).</summary>
    public static bool IsInsertIfAbsent(this TableKind kind) => kind is TableKind.Contact or TableKind.Address or TableKind.Employment;

    /// <summary>Key/value kinds whose duplicate key updates the stored value (OUTPUT-6).</summary>
    public static bool IsUpsert(this TableKind kind) => kind is TableKind.Score or TableKind.Indicator or TableKind.History or TableKind.ReportLookup;
}

namespace XmlShred.Contract;

/// <summary>
/// How a target table's rows are built, derived from the contract (never from the table's name):
/// contact/address/employment from the relationship whose child element matches a filter rule,
/// key/value kinds from the row-creating token its entries carry, everything else one row per application.
/// </summary>
public enum TableKind
{
    /// <summary>One row per application (§4.7.1).</summary>
    Application,
    /// <summary>One row per valid contact (§4.7.2).</summary>
    Contact,
    /// <summary>One row per selected address child of a contact (§4.7.3).</summary>
    Address,
    /// <summary>One row per selected employment child of a contact (§4.7.3).</summary>
    Employment,
    /// <summary><c>add_score(id)</c> rows (§9.1).</summary>
    Score,
    /// <summary><c>add_indicator(name)</c> rows (§9.2).</summary>
    Indicator,
    /// <summary><c>add_history</c> rows (§9.3).</summary>
    History,
    /// <summary><c>add_report_lookup(key)</c> rows (§9.4).</summary>
    ReportLookup,
    /// <summary><c>policy_exceptions(n)</c> rows (§9.5).</summary>
    PolicyException,
    /// <summary><c>warranty_field(n)</c> rows (§9.6).</summary>
    Warranty,
    /// <summary><c>add_collateral(n)</c> slot rows (§9.7).</summary>
    Collateral,
}

public static class TableKinds
{
    /// <summary>The row-creating token family of a kind, or null for kinds built from elements.</summary>
    public static string? RowCreatingToken(this TableKind kind) => kind switch
    {
        TableKind.Score => "add_score",
        TableKind.Indicator => "add_indicator",
        TableKind.History => "add_history",
        TableKind.ReportLookup => "add_report_lookup",
        TableKind.PolicyException => "policy_exceptions",
        TableKind.Warranty => "warranty_field",
        TableKind.Collateral => "add_collateral",
        _ => null,
    };

    public static TableKind? FromRowCreatingToken(string tokenName) => tokenName switch
    {
        "add_score" => TableKind.Score,
        "add_indicator" => TableKind.Indicator,
        "add_history" => TableKind.History,
        "add_report_lookup" => TableKind.ReportLookup,
        "policy_exceptions" => TableKind.PolicyException,
        "warranty_field" => TableKind.Warranty,
        "add_collateral" => TableKind.Collateral,
        _ => null,
    };

    /// <summary>Rows of these kinds may belong to another application already stored: insert only if absent (§11.6).</summary>
    public static bool IsInsertIfAbsent(this TableKind kind) => kind is TableKind.Contact or TableKind.Address or TableKind.Employment;

    /// <summary>Key/value kinds whose duplicate key updates the stored value (§11.6).</summary>
    public static bool IsUpsert(this TableKind kind) => kind is TableKind.Score or TableKind.Indicator or TableKind.History or TableKind.ReportLookup;
}

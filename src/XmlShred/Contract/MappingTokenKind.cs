namespace XmlShred.Contract;

/// <summary>The known mapping-type tokens (TOKEN-1 to TOKEN-12), resolved once at load so the engine switches on a number, not a string.</summary>
[Flags]
public enum MappingTokenKind
{
    Unknown = 0,
    Enum = 1 << 0,
    CalculatedField = 1 << 1,
    CharToBit = 1 << 2,
    BooleanToBit = 1 << 3,
    NumbersOnly = 1 << 4,
    ExtractNumeric = 1 << 5,
    IdentityInsert = 1 << 6,
    ExtractDate = 1 << 7,
    LastValidPrimary = 1 << 8,
    LastValidSecondary = 1 << 9,
    AuthorizedUser = 1 << 10,
    CurrentAddressOnly = 1 << 11,
    UtcNowIfNull = 1 << 12,
    AddScore = 1 << 13,
    AddIndicator = 1 << 14,
    AddHistory = 1 << 15,
    AddReportLookup = 1 << 16,
    PolicyExceptions = 1 << 17,
    WarrantyField = 1 << 18,
    AddCollateral = 1 << 19,

    RowCreating = AddScore | AddIndicator | AddHistory | AddReportLookup | PolicyExceptions | WarrantyField | AddCollateral,
    Extractor = LastValidPrimary | LastValidSecondary | AuthorizedUser,
}

internal static class MappingTokenKinds
{
    public static MappingTokenKind FromName(string name) => name switch
    {
        "enum" => MappingTokenKind.Enum,
        "calculated_field" => MappingTokenKind.CalculatedField,
        "char_to_bit" => MappingTokenKind.CharToBit,
        "boolean_to_bit" => MappingTokenKind.BooleanToBit,
        "numbers_only" => MappingTokenKind.NumbersOnly,
        "extract_numeric" => MappingTokenKind.ExtractNumeric,
        "identity_insert" => MappingTokenKind.IdentityInsert,
        "extract_date" => MappingTokenKind.ExtractDate,
        "last_valid_pr_contact" => MappingTokenKind.LastValidPrimary,
        "last_valid_sec_contact" => MappingTokenKind.LastValidSecondary,
        "authu_contact" => MappingTokenKind.AuthorizedUser,
        "curr_address_only" => MappingTokenKind.CurrentAddressOnly,
        "default_getutcdate_if_null" => MappingTokenKind.UtcNowIfNull,
        "add_score" => MappingTokenKind.AddScore,
        "add_indicator" => MappingTokenKind.AddIndicator,
        "add_history" => MappingTokenKind.AddHistory,
        "add_report_lookup" => MappingTokenKind.AddReportLookup,
        "policy_exceptions" => MappingTokenKind.PolicyExceptions,
        "warranty_field" => MappingTokenKind.WarrantyField,
        "add_collateral" => MappingTokenKind.AddCollateral,
        _ => MappingTokenKind.Unknown,
    };
}

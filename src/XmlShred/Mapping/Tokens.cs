namespace XmlShred.Mapping;

/// <summary>Names of the mapping-type tokens (§5).</summary>
internal static class Tokens
{
    public const string Enum = "enum";
    public const string CalculatedField = "calculated_field";
    public const string CharToBit = "char_to_bit";
    public const string BooleanToBit = "boolean_to_bit";
    public const string NumbersOnly = "numbers_only";
    public const string ExtractNumeric = "extract_numeric";
    public const string IdentityInsert = "identity_insert";
    public const string ExtractDate = "extract_date";
    public const string LastValidPrimary = "last_valid_pr_contact";
    public const string LastValidSecondary = "last_valid_sec_contact";
    public const string AuthorizedUser = "authu_contact";
    public const string CurrentAddressOnly = "curr_address_only";
    public const string UtcNowIfNull = "default_getutcdate_if_null";
    public const string AddScore = "add_score";
    public const string AddIndicator = "add_indicator";
    public const string AddHistory = "add_history";
    public const string AddReportLookup = "add_report_lookup";
    public const string PolicyExceptions = "policy_exceptions";
    public const string WarrantyField = "warranty_field";
    public const string AddCollateral = "add_collateral";

    public static bool IsExtractor(string name) => name is LastValidPrimary or LastValidSecondary or AuthorizedUser;
}

namespace XmlShred.Contract;

/// <summary>
/// Column names the rules fix (KV-1, OUTPUT-3): key columns and the columns key/value builders write.
/// They are not product names: every contract in this format uses them.
/// </summary>
internal static class BuilderColumns
{
    public const string AppId = "app_id";
    public const string ConId = "con_id";
    public const string ScoreIdentifier = "score_identifier";
    public const string Score = "score";
    public const string Indicator = "indicator";
    public const string Value = "value";
    public const string Name = "name";
    public const string Source = "source";
    public const string SourceReportKey = "source_report_key";
    public const string PolicyExceptionType = "policy_exception_type_enum";
    public const string ReasonCode = "reason_code";
    public const string Notes = "notes";
    public const string WarrantyType = "warranty_type_enum";
    public const string SortOrder = "sort_order";
}

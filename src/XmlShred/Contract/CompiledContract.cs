namespace XmlShred.Contract;

/// <summary>
/// An immutable, validated mapping contract, ready to map documents from many threads at once.
/// Everything the engine and the writers need to know about tables, elements and keys comes from here.
/// </summary>
public sealed class CompiledContract
{
    /// <summary>File stem or caller-given name, for messages.</summary>
    public required string Name { get; init; }
    /// <summary>SHA-256 (hex) of the contract bytes; written to processing_log so a run records what mapped it.</summary>
    public required string Hash { get; init; }
    public required string SourceTable { get; init; }
    public required string SourceColumn { get; init; }
    /// <summary>The application element name (<c>source_application_table</c>, default <c>application</c>).</summary>
    public required string ApplicationElement { get; init; }
    public required string TargetSchema { get; init; }
    public required string RootElement { get; init; }
    /// <summary>Target tables in write order (OUTPUT-2); processing_log is not among them.</summary>
    public required IReadOnlyList<TablePlan> Tables { get; init; }
    /// <summary>
    /// The application table: the one whose <c>identity_insert</c> entry supplies <c>app_id</c> (else the first in write
    /// order). Its row is never dropped (DEFAULT-5, ROW-2) and every other table's app_id references it.
    /// </summary>
    public required TablePlan RootTable { get; init; }
    public required FilterRule ContactRule { get; init; }
    public required FilterRule AddressRule { get; init; }
    public FilterRule? EmploymentRule { get; init; }
    /// <summary>Table of valid contacts, if the contract maps one.</summary>
    public TablePlan? ContactTable { get; init; }
    public TablePlan? AddressTable { get; init; }
    public TablePlan? EmploymentTable { get; init; }
    /// <summary>Contact element name as the relationship of the contact table gives it (FILTER-2) (falls back to the rule's).</summary>
    public required string RelationshipContactElement { get; init; }
    public required string RelationshipAddressElement { get; init; }
    public required IReadOnlyDictionary<string, EnumMap> EnumMaps { get; init; }
    public required IReadOnlyDictionary<string, int> CharToBit { get; init; }
    public required IReadOnlyDictionary<string, int> BooleanToBit { get; init; }
    /// <summary>The table name used for the per-application bookkeeping row.</summary>
    public string ProcessingLogTable { get; init; } = "processing_log";

    public TablePlan? FindTable(string name)
    {
        foreach (var table in Tables)
        {
            if (table.Name == name) return table;
        }
        return null;
    }
}

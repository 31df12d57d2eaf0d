namespace XmlShred.Mapping;

/// <summary>What one entry contributes to a row: whether the column is set, its value, and whether it is only a default (DEFAULT-3).</summary>
internal readonly record struct ColumnValue(bool IsSet, object? Value, bool IsDefault)
{
    public static ColumnValue Omitted => default;
}

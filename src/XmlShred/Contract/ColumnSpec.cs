using XmlShred.Values;

namespace XmlShred.Contract;

/// <summary>A target column as the DDL sees it: name, contract type and length/scale.</summary>
/// <param name="DataLength">String max length (−1 or null = unlimited) or decimal scale.</param>
/// <param name="IsKey">Part of the table's primary key (never NULL).</param>
public sealed record ColumnSpec(string Name, DataType DataType, int? DataLength, bool IsKey);

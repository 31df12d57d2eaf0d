namespace XmlShred.Values;

/// <summary>The contract's <c>data_type</c> vocabulary. Unknown names map to <see cref="Other"/> (string form, VALUE-1).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members spell the contract's data_type words (string, int, decimal, float).")]
public enum DataType
{
    String,
    Int,
    SmallInt,
    TinyInt,
    BigInt,
    Decimal,
    Float,
    Bit,
    Boolean,
    DateTime,
    SmallDateTime,
    Date,
    Other,
}

internal static class DataTypes
{
    public static DataType Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "string" => DataType.String,
        "int" => DataType.Int,
        "smallint" => DataType.SmallInt,
        "tinyint" => DataType.TinyInt,
        "bigint" => DataType.BigInt,
        "decimal" => DataType.Decimal,
        "float" => DataType.Float,
        "bit" => DataType.Bit,
        "boolean" => DataType.Boolean,
        "datetime" => DataType.DateTime,
        "smalldatetime" => DataType.SmallDateTime,
        "date" => DataType.Date,
        _ => DataType.Other,
    };

    public static bool IsInteger(this DataType type) => type is DataType.Int or DataType.SmallInt or DataType.TinyInt or DataType.BigInt;

    public static bool IsDateTime(this DataType type) => type is DataType.DateTime or DataType.SmallDateTime or DataType.Date;

    public static bool IsBit(this DataType type) => type is DataType.Bit or DataType.Boolean;
}

namespace XmlShred.Values;

/// <summary>
/// A mapped value does not fit its target column (300 into a tinyint, 20 digits into decimal(18, 2), text into an
/// integer column). Raised once, by the mapper, when it fits a row to its table; the application fails with a
/// reason that names the table, the column and the value, and the database never sees the row.
/// </summary>
internal sealed class ValueConversionException : Exception
{
    public ValueConversionException()
    {
    }

    public ValueConversionException(string message) : base(message)
    {
    }

    public ValueConversionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ValueConversionException(string table, string column, object? value, string columnType)
        : base($"{table}.{column}: value '{value}' does not fit {columnType}")
    {
        Table = table;
        Column = column;
        Value = value;
    }

    public string? Table { get; }
    public string? Column { get; }
    public object? Value { get; }
}

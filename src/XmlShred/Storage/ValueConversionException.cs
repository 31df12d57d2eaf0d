namespace XmlShred.Storage;

/// <summary>
/// A mapped value does not fit its target column's type (e.g. 300 into tinyint). It names the table, column and
/// value, and counts as the application's own data error (stage <c>database</c>), never as a fatal condition.
/// </summary>
public sealed class ValueConversionException : Exception
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
}

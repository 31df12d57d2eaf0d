namespace XmlShred.Values;

/// <summary>
/// The generic conversion of a value to a contract data type. Values are <see cref="long"/>, <see cref="decimal"/>
/// (with its scale), <see cref="string"/>, <see cref="DateTime"/> or null; a value that does not convert yields null,
/// never an exception. A decimal bound for an integer rounds half away from zero (2.5 → 3, −2.5 → −3).
/// </summary>
internal static class TypedValue
{
    public const int DefaultDecimalScale = 2;

    /// <param name="scale">The scale of a decimal result; ignored for other types.</param>
    public static object? Generic(object? value, DataType type, int? scale = null)
    {
        if (ValueText.IsBlank(value)) return null;
        return type switch
        {
            DataType.String or DataType.Other => ValueText.ToText(value!),
            DataType.Int or DataType.SmallInt or DataType.TinyInt or DataType.BigInt => ToInteger(value!),
            DataType.Decimal => ToDecimal(value!, scale ?? DefaultDecimalScale),
            DataType.Float => value switch
            {
                string s => DecimalText.TryParse(s, out var d) ? d : null,
                long l => (decimal)l,
                decimal d => d,
                _ => null,
            },
            DataType.DateTime or DataType.SmallDateTime or DataType.Date => value switch
            {
                string s => DateTimeText.TryParse(s, out var dt) ? dt : null,
                DateTime dt => dt,
                _ => null,
            },
            DataType.Bit or DataType.Boolean => value switch
            {
                string s => BitText.TryParse(s, out var bit) ? (long)bit : null,
                long l => l != 0 ? 1L : 0L,
                decimal d => d != 0 ? 1L : 0L,
                _ => null,
            },
            _ => ValueText.ToText(value!),
        };
    }

    public static object? ToInteger(object value) => value switch
    {
        string s => IntegerText.TryParseGeneric(s, out var n) ? n : null,
        long l => l,
        decimal d => IntegerText.TryRound(d, out var n) ? n : null,
        _ => null,
    };

    public static object? ToDecimal(object value, int scale) => value switch
    {
        string s => DecimalText.TryParse(s, out var d) ? DecimalText.Rescale(d, scale) : null,
        long l => DecimalText.Rescale(l, scale),
        decimal d => DecimalText.Rescale(d, scale),
        _ => null,
    };
}

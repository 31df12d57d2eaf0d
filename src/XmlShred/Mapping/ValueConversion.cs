using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>
/// The entry-level conversions of the mapper (on top of <see cref="TypedValue"/>): the plain-mapping grammar and the
/// post-processing of string results. Every failure yields null, never an exception.
/// </summary>
internal static class ValueConversion
{
    /// <summary>Plain-mapping conversion of a non-blank value: the integer grammar, a decimal at its scale, else generic.</summary>
    public static object? Plain(string value, MappingEntry entry)
    {
        if (entry.DataType.IsInteger()) return IntegerText.TryParsePlain(value, out var n) ? n : null;
        if (entry.DataType == DataType.Decimal) return TypedValue.ToDecimal(value, entry.DataLength ?? TypedValue.DefaultDecimalScale);
        return TypedValue.Generic(value, entry.DataType, entry.DataLength);
    }

    /// <summary>A string result: optional digit filter, trim, truncate to data_length (code points), trim.</summary>
    public static string PostProcess(string value, MappingEntry entry, bool numbersOnly)
    {
        var s = numbersOnly ? ValueText.DigitsOnly(value) : value;
        s = s.Trim();
        if (entry.DataLength is { } length && length >= 0) s = ValueText.Truncate(s, length).Trim();
        return s;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using XmlShred.Values;

namespace XmlShred.Output;

/// <summary>
/// The canonical JSON form of a mapped value: integers as numbers, decimals as strings at their scale,
/// date-times as <c>YYYY-MM-DDTHH:MM:SS[.ffffff]</c>, strings as strings, <c>""</c> and null as null.
/// </summary>
public static class CanonicalValue
{
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        "" => null,
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        decimal d => JsonValue.Create(DecimalText.ToPlain(d)),
        DateTime dt => JsonValue.Create(DateTimeText.ToCanonical(dt)),
        bool b => JsonValue.Create(b ? 1 : 0),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Readable text of a value for tables and messages (NULL for null and "").</summary>
    public static string ToDisplay(object? value) => ToJson(value) switch
    {
        null => "NULL",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };
}

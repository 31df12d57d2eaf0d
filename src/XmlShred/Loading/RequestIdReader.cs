using System.Globalization;
using System.Xml;

namespace XmlShred.Loading;

/// <summary>
/// Finds <c>Request/@ID</c> with one forward-only XmlReader pass that stops at the first Request element, so a
/// 2 MB document costs a few kilobytes of reading. DTDs are prohibited and nothing external is resolved.
/// </summary>
public static class RequestIdReader
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>The positive integer app id, or null with the reason it could not be read.</summary>
    public static (long? AppId, string? Problem) Read(TextReader text)
    {
        try
        {
            using var reader = XmlReader.Create(text, s_settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Request") continue;
                var raw = reader.GetAttribute("ID");
                if (string.IsNullOrWhiteSpace(raw)) return (null, "the Request element has no ID attribute");
                if (!long.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                    return (null, $"Request/@ID '{raw}' is not a positive integer");
                return (id, null);
            }
            return (null, "no Request element");
        }
        catch (XmlException ex)
        {
            return (null, "not well-formed XML: " + ex.Message);
        }
    }

    public static (long? AppId, string? Problem) Read(string xml)
    {
        using var reader = new StringReader(xml);
        return Read(reader);
    }
}

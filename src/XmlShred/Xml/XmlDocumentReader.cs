using System.Xml;

namespace XmlShred.Xml;

/// <summary>Why a document could not be read: the processing_log stage and a message naming the rule.</summary>
public sealed record XmlReadError(string Stage, string Message);

/// <summary>
/// Reads a document in one <see cref="XmlReader"/> pass into an <see cref="XmlDocumentModel"/>.
/// DTDs are prohibited and nothing is resolved [S-1]; malformed input is an error value, never an exception.
/// </summary>
public static class XmlDocumentReader
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = true,
        CloseInput = true,
        MaxCharactersFromEntities = 1024,
    };

    public static XmlDocumentModel? TryRead(string text, long maxDocumentBytes, out XmlReadError? error)
    {
        // Two bytes per char is an upper bound of the UTF-8 size; cheap and safe for the limit check.
        if ((long)text.Length * 2 > maxDocumentBytes && System.Text.Encoding.UTF8.GetByteCount(text) > maxDocumentBytes)
        {
            error = new XmlReadError("validation", $"document is larger than the limit of {maxDocumentBytes:N0} bytes (--max-document-bytes)");
            return null;
        }
        var cleaned = XmlCleaner.Clean(text);
        if (XmlCleaner.CheckStructure(cleaned) is { } structureProblem)
        {
            error = new XmlReadError("validation", $"Invalid XML structure or format: {structureProblem}");
            return null;
        }
        try
        {
            error = null;
            return Parse(cleaned);
        }
        catch (XmlException ex)
        {
            var reason = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? $"DOCTYPE declarations are refused (DTDs are never processed): {ex.Message}"
                : ex.Message;
            error = new XmlReadError("parsing", $"XML parsing failed: {reason}");
            return null;
        }
    }

    private static XmlDocumentModel Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), s_settings);
        var elements = new List<XmlNode>(256);
        var pathMap = new Dictionary<string, XmlNode>(128, StringComparer.Ordinal);
        var pathOrder = new List<string>(128);
        var names = new List<string>(16);
        var values = new List<string>(16);
        XmlNode? root = null;
        XmlNode? current = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                {
                    var name = reader.LocalName;
                    var path = current is null ? "/" + name : string.Concat(current.Path, "/", name);
                    var attributes = ReadAttributes(reader, names, values);
                    var node = new XmlNode(name, current, path, attributes);
                    current?.AddChild(node);
                    root ??= node;
                    elements.Add(node);
                    if (!pathMap.ContainsKey(path)) pathOrder.Add(path);
                    pathMap[path] = node;
                    if (!reader.IsEmptyElement) current = node;
                    break;
                }
                case XmlNodeType.EndElement:
                    current = current?.Parent;
                    break;
            }
        }
        if (root is null) throw new XmlException("the document has no root element");
        return new XmlDocumentModel(root, elements, pathMap, pathOrder);
    }

    private static XmlAttributeList ReadAttributes(XmlReader reader, List<string> names, List<string> values)
    {
        if (!reader.HasAttributes) return XmlAttributeList.Empty;
        names.Clear();
        values.Clear();
        while (reader.MoveToNextAttribute())
        {
            if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")) continue;
            names.Add(reader.LocalName);
            values.Add(reader.Value.Trim());
        }
        reader.MoveToElement();
        return names.Count == 0 ? XmlAttributeList.Empty : new XmlAttributeList([.. names], [.. values]);
    }
}

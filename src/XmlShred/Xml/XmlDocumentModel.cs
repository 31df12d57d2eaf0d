namespace XmlShred.Xml;

/// <summary>
/// A document parsed once (XML-3): the element tree, every element in document order, and the Path Map —
/// path key → the last element with that path, keys ordered by first occurrence (XML-4).
/// </summary>
public sealed class XmlDocumentModel
{
    internal XmlDocumentModel(XmlNode root, List<XmlNode> elements, Dictionary<string, XmlNode> pathMap, List<string> pathOrder)
    {
        Root = root;
        Elements = elements;
        PathMap = pathMap;
        PathOrder = pathOrder;
    }

    public XmlNode Root { get; }
    /// <summary>Every element in document order.</summary>
    public IReadOnlyList<XmlNode> Elements { get; }
    public IReadOnlyDictionary<string, XmlNode> PathMap { get; }
    /// <summary>Path keys in order of first occurrence.</summary>
    public IReadOnlyList<string> PathOrder { get; }

    /// <summary>Path Map lookup XML-5: the last element with that exact path, or null.</summary>
    public XmlNode? Find(string path) => PathMap.GetValueOrDefault(path);

    /// <summary>Attribute of the Path Map element: exact name, then case-insensitive; null when either is missing.</summary>
    public string? Lookup(string path, string? attribute) =>
        attribute is null ? null : Find(path)?.Get(attribute);
}

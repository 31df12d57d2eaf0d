namespace XmlShred.Xml;

/// <summary>
/// A document parsed once (XML-3): the element tree, every element in document order, and the Path Map —
/// path key → the last element with that path, keys ordered by first occurrence (XML-4).
/// </summary>
internal sealed class XmlDocumentModel
{
    internal XmlDocumentModel(XmlNode root, List<XmlNode> elements, Dictionary<string, XmlNode> pathMap, List<string> pathOrder, List<XmlNode> lastElements)
    {
        Root = root;
        Elements = elements;
        PathMap = pathMap;
        PathOrder = pathOrder;
        LastElements = lastElements;
    }

    public XmlNode Root { get; }
    /// <summary>Every element in document order.</summary>
    public IReadOnlyList<XmlNode> Elements { get; }
    /// <summary>
    /// The Path Map for the paths a lookup can ask for: those the read plan needs and the shallow ones (every path when
    /// the plan keeps everything). Deep paths nobody looks up get no string, which keeps reading linear in depth.
    /// </summary>
    public IReadOnlyDictionary<string, XmlNode> PathMap { get; }
    /// <summary>Keys of <see cref="PathMap"/> in order of first occurrence.</summary>
    public IReadOnlyList<string> PathOrder { get; }
    /// <summary>The last kept element of every path, paths in order of first occurrence (expression contexts read these).</summary>
    public IReadOnlyList<XmlNode> LastElements { get; }

    /// <summary>Path Map lookup XML-5: the last element with that exact path, or null.</summary>
    public XmlNode? Find(string path) => PathMap.GetValueOrDefault(path);

    /// <summary>Attribute of the Path Map element: exact name, then case-insensitive; null when either is missing.</summary>
    public string? Lookup(string path, string? attribute) =>
        attribute is null ? null : Find(path)?.Get(attribute);
}

namespace XmlShred.Xml;

/// <summary>One element of a parsed document: name, trimmed attributes in document order, children, path key.</summary>
public sealed class XmlNode
{
    private static readonly List<XmlNode> s_noChildren = [];
    private List<XmlNode>? _children;

    internal XmlNode(string name, XmlNode? parent, string path, XmlAttributeList attributes)
    {
        Name = name;
        Parent = parent;
        Path = path;
        Attributes = attributes;
    }

    /// <summary>Local element name (namespace prefixes removed).</summary>
    public string Name { get; }
    public XmlNode? Parent { get; }
    /// <summary>"/" + element names from the root, e.g. <c>/Provenir/Request</c> (XML-4).</summary>
    public string Path { get; }
    public XmlAttributeList Attributes { get; }
    public IReadOnlyList<XmlNode> Children => _children ?? s_noChildren;

    internal void AddChild(XmlNode child) => (_children ??= []).Add(child);

    /// <summary>Exact attribute name first, then the first name that matches case-insensitively (XML-5); null when absent.</summary>
    public string? Get(string name) => Attributes.Get(name);

    /// <summary>Exact attribute name only (extractors, XML-5); null when absent.</summary>
    public string? GetExact(string name) => Attributes.GetExact(name);

    /// <summary>Descendants (not self) named <paramref name="name"/>, in document order.</summary>
    public List<XmlNode> Descendants(string name)
    {
        var found = new List<XmlNode>();
        CollectDescendants(name, found);
        return found;
    }

    private void CollectDescendants(string name, List<XmlNode> found)
    {
        if (_children is null) return;
        foreach (var child in _children)
        {
            if (child.Name == name) found.Add(child);
            child.CollectDescendants(name, found);
        }
    }

    /// <summary>The last direct child named <paramref name="name"/>, or null.</summary>
    public XmlNode? LastChild(string name)
    {
        var children = Children;
        for (var i = children.Count - 1; i >= 0; i--)
        {
            if (children[i].Name == name) return children[i];
        }
        return null;
    }

    public override string ToString() => Path;
}

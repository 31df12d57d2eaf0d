namespace XmlShred.Xml;

/// <summary>One element of a parsed document: name, trimmed attributes in document order, children, path key.</summary>
internal sealed class XmlNode
{
    private static readonly List<XmlNode> s_noChildren = [];
    private List<XmlNode>? _children;

    private readonly PathTrie _path;

    internal XmlNode(string name, XmlNode? parent, PathTrie path, XmlAttributeList attributes)
    {
        Name = name;
        Parent = parent;
        _path = path;
        Attributes = attributes;
    }

    /// <summary>Local element name (namespace prefixes removed).</summary>
    public string Name { get; }
    public XmlNode? Parent { get; }
    /// <summary>"/" + element names from the root, e.g. <c>/Provenir/Request</c> (XML-4).</summary>
    public string Path => _path.Path;
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
        if (_children is null) return found;
        // An explicit stack, not recursion: a deeply nested subtree must not overflow the thread's stack.
        var pending = new Stack<(XmlNode Node, int Next)>();
        pending.Push((this, 0));
        while (pending.Count > 0)
        {
            var (node, next) = pending.Pop();
            var children = node._children;
            if (children is null || next >= children.Count) continue;
            pending.Push((node, next + 1));
            var child = children[next];
            if (child.Name == name) found.Add(child);
            pending.Push((child, 0));
        }
        return found;
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

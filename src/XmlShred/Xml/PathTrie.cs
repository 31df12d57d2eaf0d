namespace XmlShred.Xml;

/// <summary>
/// One distinct element path of a document being read. Children are looked up by the parser's atomized names, so
/// walking a path costs a dictionary probe per element instead of building a path string.
/// </summary>
internal sealed class PathTrie
{
    private Dictionary<string, PathTrie>? _children;
    private string? _path;

    public PathTrie(string name, PathTrie? parent, int firstOrder)
    {
        Name = name;
        Parent = parent;
        FirstOrder = firstOrder;
        Depth = parent is null ? 1 : parent.Depth + 1;
    }

    public string Name { get; }
    public PathTrie? Parent { get; }
    public int Depth { get; }
    /// <summary>Order of the path's first occurrence (§2.3).</summary>
    public int FirstOrder { get; }
    /// <summary>The last element with this path, or null when the last one was not kept (§2.3, wholesale).</summary>
    public XmlNode? Last { get; set; }
    public bool NeededChecked { get; set; }
    public bool Needed { get; set; }

    public string Path => _path ??= Parent is null ? "/" + Name : string.Concat(Parent.Path, "/", Name);

    public PathTrie Child(string name, ref int order)
    {
        _children ??= new Dictionary<string, PathTrie>(ReferenceEqualityComparer.Instance as IEqualityComparer<string> ?? StringComparer.Ordinal);
        if (!_children.TryGetValue(name, out var child))
        {
            child = new PathTrie(name, this, order++);
            _children[name] = child;
        }
        return child;
    }

    public IEnumerable<PathTrie> All()
    {
        yield return this;
        if (_children is null) yield break;
        foreach (var child in _children.Values)
        {
            foreach (var node in child.All()) yield return node;
        }
    }
}

namespace XmlShred.Xml;

/// <summary>
/// One distinct element path. The trie lives in the reader's per-thread cache and is reused from document to
/// document: children are found by the parser's atomized names (a reference probe, no path string built), the path
/// string is made once, and per-document state is stamped with the document's number instead of being reallocated.
/// </summary>
internal sealed class PathTrie
{
    private Dictionary<string, PathTrie>? _children;
    private string? _path;
    private int _stamp;
    private int _firstOrder;
    private XmlNode? _last;

    public PathTrie(string name, PathTrie? parent)
    {
        Name = name;
        Parent = parent;
        Depth = parent is null ? 1 : parent.Depth + 1;
    }

    public string Name { get; }
    public PathTrie? Parent { get; }
    public int Depth { get; }
    public bool NeededChecked { get; set; }
    public bool Needed { get; set; }

    /// <summary>
    /// The path string, made on first use only: building it for every element of a deeply nested document would cost
    /// the square of the depth. Built by walking up (no recursion), so any depth is safe.
    /// </summary>
    public string Path => _path ??= BuildPath();

    /// <summary>Whether some path the plan needs starts with this one (so a child of it may be needed); set on first use.</summary>
    public bool? LeadsToNeeded { get; set; }

    private string BuildPath()
    {
        var length = 0;
        for (var node = this; node is not null; node = node.Parent) length += 1 + node.Name.Length;
        return string.Create(length, this, static (span, leaf) =>
        {
            var end = span.Length;
            for (var node = leaf; node is not null; node = node.Parent)
            {
                end -= node.Name.Length;
                node.Name.AsSpan().CopyTo(span[end..]);
                span[--end] = '/';
            }
        });
    }

    /// <summary>Order of the path's first occurrence in the current document (XML-4).</summary>
    public int FirstOrder => _firstOrder;

    /// <summary>The last element with this path in the current document, or null when the last one was not kept (XML-4, wholesale).</summary>
    public XmlNode? Last => _last;

    /// <summary>Records an element with this path in document <paramref name="stamp"/>; true on the path's first occurrence.</summary>
    public bool Visit(int stamp, int order, XmlNode? node)
    {
        var first = _stamp != stamp;
        if (first)
        {
            _stamp = stamp;
            _firstOrder = order;
        }
        _last = node;
        return first;
    }

    public PathTrie Child(string name, ref int nodeCount)
    {
        _children ??= new Dictionary<string, PathTrie>(ReferenceEqualityComparer.Instance);
        if (!_children.TryGetValue(name, out var child))
        {
            child = new PathTrie(name, this);
            _children[name] = child;
            nodeCount++;
        }
        return child;
    }
}

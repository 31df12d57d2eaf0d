namespace XmlShred.Xml;

/// <summary>
/// What a reader must keep of a document for a given contract: "keep only what the contract needs".
/// Elements outside it are walked (their paths still count for the Path Map's last-element rule) but never
/// materialized, and their attribute values are never read.
/// </summary>
internal sealed class ReadPlan
{
    /// <summary>Keeps every element (tests, tools).</summary>
    public static ReadPlan Everything { get; } = new([], [], [], keepEverything: true);

    private readonly HashSet<string> _paths;
    private readonly HashSet<string> _prefixes;
    private readonly HashSet<string> _subtreeElements;
    private readonly HashSet<string> _attributeNames;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _attributeLookup;

    /// <param name="paths">Absolute element paths whose (last) element is read by path.</param>
    /// <param name="subtreeElements">Element names kept with their whole subtree, wherever they are (contacts).</param>
    /// <param name="attributeNames">Attribute names (case-insensitive, bare or <c>segment.name</c>) that make any element worth keeping.</param>
    /// <param name="rootElement">The root element the contract expects (null: any root).</param>
    public ReadPlan(IEnumerable<string> paths, IEnumerable<string> subtreeElements, IEnumerable<string> attributeNames, bool keepEverything = false, string? rootElement = null)
    {
        _paths = new HashSet<string>(paths, StringComparer.Ordinal);
        _prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in _paths)
        {
            for (var slash = path.IndexOf('/', 1); slash > 0; slash = path.IndexOf('/', slash + 1)) _prefixes.Add(path[..slash]);
            _prefixes.Add(path);
        }
        RootElement = rootElement;
        _subtreeElements = new HashSet<string>(subtreeElements, StringComparer.Ordinal);
        _attributeNames = new HashSet<string>(attributeNames, StringComparer.OrdinalIgnoreCase);
        _attributeLookup = _attributeNames.GetAlternateLookup<ReadOnlySpan<char>>();
        _dottedPrefixes = new HashSet<string>(_attributeNames.Where(n => n.Contains('.')).Select(n => n[..n.IndexOf('.')]), StringComparer.OrdinalIgnoreCase);
        KeepEverything = keepEverything;
    }

    private readonly HashSet<string> _dottedPrefixes;

    /// <summary>Whether some needed name is <c>element.attribute</c> for this element name.</summary>
    public bool IsDottedPrefix(string element) => _dottedPrefixes.Contains(element);

    /// <summary>Whether a bare attribute name is needed (case-insensitive).</summary>
    public bool IsNeededBareAttribute(string attribute) => _attributeNames.Contains(attribute);

    public bool KeepEverything { get; }

    /// <summary>Elements this shallow are always kept: the root, Request, CustData and the application elements.</summary>
    public const int AlwaysKeptDepth = 4;

    public bool IsNeededPath(string path) => _paths.Contains(path);

    /// <summary>Whether <paramref name="path"/> is a needed path or begins one (so a deeper element may still be needed).</summary>
    public bool IsNeededPathOrPrefix(string path) => _prefixes.Contains(path);

    /// <summary>The root element documents must have (structure is checked by the parser); null accepts any root.</summary>
    public string? RootElement { get; }

    public bool IsSubtreeElement(string name) => _subtreeElements.Contains(name);

    /// <summary>Whether an attribute of an element named <paramref name="element"/> may be read by an expression.</summary>
    public bool IsNeededAttribute(string element, string attribute)
    {
        if (_attributeNames.Count == 0) return false;
        if (_attributeNames.Contains(attribute)) return true;
        var length = element.Length + 1 + attribute.Length;
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        element.AsSpan().CopyTo(buffer);
        buffer[element.Length] = '.';
        attribute.AsSpan().CopyTo(buffer[(element.Length + 1)..]);
        return _attributeLookup.Contains(buffer);
    }

    /// <summary>A plan that keeps what either plan keeps (one parse for several contracts).</summary>
    public ReadPlan Union(ReadPlan other) => KeepEverything || other.KeepEverything
        ? Everything
        : new ReadPlan(_paths.Concat(other._paths), _subtreeElements.Concat(other._subtreeElements), _attributeNames.Concat(other._attributeNames),
            rootElement: RootElement == other.RootElement ? RootElement : null);
}

namespace XmlShred.Xml;

/// <summary>
/// An element's attributes in document order. Values are as the parser delivered them (entities decoded once),
/// then trimmed (XML-3); a value that trims to nothing is <c>""</c>.
/// </summary>
internal sealed class XmlAttributeList
{
    public static readonly XmlAttributeList Empty = new([], []);

    // Elements with many attributes (the application element has hundreds) get dictionaries on first lookup.
    private const int IndexThreshold = 12;

    private readonly string[] _names;
    private readonly string[] _values;
    private Dictionary<string, int>? _exactIndex;
    private Dictionary<string, int>? _ignoreCaseIndex;

    internal XmlAttributeList(string[] names, string[] values)
    {
        _names = names;
        _values = values;
    }

    public int Count => _names.Length;

    public string NameAt(int index) => _names[index];

    public string ValueAt(int index) => _values[index];

    public string? GetExact(string name)
    {
        if (_names.Length > IndexThreshold)
        {
            BuildIndex();
            return _exactIndex!.TryGetValue(name, out var at) ? _values[at] : null;
        }
        for (var i = 0; i < _names.Length; i++)
        {
            if (ReferenceEquals(_names[i], name) || _names[i] == name) return _values[i];
        }
        return null;
    }

    public string? Get(string name)
    {
        var exact = GetExact(name);
        if (exact is not null) return exact;
        if (_ignoreCaseIndex is not null) return _ignoreCaseIndex.TryGetValue(name, out var at) ? _values[at] : null;
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase)) return _values[i];
        }
        return null;
    }

    private void BuildIndex()
    {
        if (_exactIndex is not null) return;
        var exact = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        var ignoreCase = new Dictionary<string, int>(_names.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _names.Length; i++)
        {
            exact.TryAdd(_names[i], i);
            ignoreCase.TryAdd(_names[i], i); // the first name in document order wins (XML-5)
        }
        _ignoreCaseIndex = ignoreCase;
        _exactIndex = exact;
    }
}

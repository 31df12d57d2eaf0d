namespace XmlShred.Xml;

/// <summary>
/// An element's attributes in document order. Values are as the parser delivered them (entities decoded once),
/// then trimmed (§2.2 [F6]); a value that trims to nothing is <c>""</c>.
/// </summary>
public sealed class XmlAttributeList
{
    public static readonly XmlAttributeList Empty = new([], []);

    private readonly string[] _names;
    private readonly string[] _values;

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
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase)) return _values[i];
        }
        return null;
    }
}

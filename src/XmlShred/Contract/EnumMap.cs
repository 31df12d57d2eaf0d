namespace XmlShred.Contract;

/// <summary>
/// One <c>enum_mappings</c> map. Lookup ENUM-2: exact key, else the first key (map order) equal case-insensitively,
/// else the <c>""</c> fallback. Codes are integers (boxed <see cref="long"/>) or, for a few maps, strings.
/// </summary>
public sealed class EnumMap
{
    private readonly Dictionary<string, object> _exact;
    private readonly Dictionary<string, object> _firstIgnoringCase;
    private readonly object? _fallback;

    public EnumMap(string name, IEnumerable<KeyValuePair<string, object>> pairs)
    {
        Name = name;
        Pairs = [.. pairs];
        _exact = new Dictionary<string, object>(StringComparer.Ordinal);
        _firstIgnoringCase = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, code) in Pairs)
        {
            _exact[key] = code;
            _firstIgnoringCase.TryAdd(key, code);
        }
        _exact.TryGetValue("", out _fallback);
    }

    public string Name { get; }

    /// <summary>Text → code in the contract's order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Pairs { get; }

    public int Count => _exact.Count;

    /// <summary>The code for <paramref name="text"/> (trimmed; null counts as <c>""</c>), or null when nothing matches.</summary>
    public object? Lookup(string? text)
    {
        var key = text is null ? "" : text.Trim();
        if (_exact.TryGetValue(key, out var code)) return code;
        if (_firstIgnoringCase.TryGetValue(key, out code)) return code;
        return _fallback;
    }
}

using XmlShred.Contract;

namespace XmlShred.Mapping;

/// <summary>
/// The names an expression context must hold for a set of expressions: every field they read, and the raw attributes
/// of their calculated entries. Leaving other names out changes no lookup (exact, then first case-insensitive match)
/// and spares building a context of every attribute in the document.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The ThreadLocal caches live as long as the contract's mapper and hold no unmanaged resource; their finalizers release the slots.")]
internal sealed class ContextNames
{
    private readonly HashSet<string> _names;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string> _dottedPrefixes;
    // Attribute names are atomized by the reader's per-thread name table, so answers are cached per string instance.
    private readonly ThreadLocal<Dictionary<string, bool>> _bareCache = new(() => new Dictionary<string, bool>(ReferenceEqualityComparer.Instance));
    private readonly ThreadLocal<Dictionary<string, Dictionary<string, bool>?>> _dottedCache = new(() => new Dictionary<string, Dictionary<string, bool>?>(ReferenceEqualityComparer.Instance));

    // A document has a few hundred distinct names; more means names that were not atomized (hostile input, or a
    // caller building keys), and a cache keyed by instance must then start over rather than grow with every document.
    private const int MaxCachedNames = 4096;

    private static void Reset<TValue>(Dictionary<string, TValue> cache)
    {
        cache.Clear();
        cache.TrimExcess();
    }

    private ContextNames(IEnumerable<MappingEntry> entries)
    {
        _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry.Expression is null) continue;
            foreach (var name in entry.Expression.FieldNames) _names.Add(name);
            if (entry.XmlAttribute is not null) _names.Add(entry.XmlAttribute);
        }
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _dottedPrefixes = new HashSet<string>(_names.Where(n => n.Contains('.')).Select(n => n[..n.IndexOf('.')]), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Names for the application context: expressions of application-level and collateral tables.</summary>
    public static ContextNames ForApplication(CompiledContract contract) =>
        new(contract.Tables.Where(t => !IsContactKind(t.Kind)).SelectMany(t => t.Entries));

    /// <summary>Names for contact and contact-child contexts.</summary>
    public static ContextNames ForContacts(CompiledContract contract) =>
        new(contract.Tables.Where(t => IsContactKind(t.Kind)).SelectMany(t => t.Entries));

    private static bool IsContactKind(TableKind kind) => kind is TableKind.Contact or TableKind.Address or TableKind.Employment;

    public IEnumerable<string> All => _names;

    /// <summary>Answers cached on this thread (a bounded number: one per distinct name instance seen).</summary>
    internal int CachedOnThisThread => _bareCache.Value!.Count + _dottedCache.Value!.Sum(p => 1 + (p.Value?.Count ?? 0));

    /// <summary>This thread's cached view; fetch it once per context built.</summary>
    public View ForThisThread() => new(this, _bareCache.Value!, _dottedCache.Value!);

    /// <summary>The name tests with this thread's caches in hand.</summary>
    public readonly struct View(ContextNames owner, Dictionary<string, bool> bare, Dictionary<string, Dictionary<string, bool>?> dotted)
    {
        public bool Contains(string name) => owner.Contains(bare, name);

        public bool Contains(string prefix, string name) => owner.Contains(dotted, prefix, name);
    }

    private bool Contains(Dictionary<string, bool> cache, string name)
    {
        if (cache.TryGetValue(name, out var needed)) return needed;
        needed = _names.Contains(name);
        if (cache.Count >= MaxCachedNames) Reset(cache);
        cache[name] = needed;
        return needed;
    }

    /// <summary>Whether <c>prefix + "." + name</c> is needed, without building the string.</summary>
    private bool Contains(Dictionary<string, Dictionary<string, bool>?> cache, string prefix, string name)
    {
        if (!cache.TryGetValue(prefix, out var byName))
        {
            if (cache.Count >= MaxCachedNames) Reset(cache);
            byName = _dottedPrefixes.Contains(prefix) ? new Dictionary<string, bool>(ReferenceEqualityComparer.Instance) : null;
            cache[prefix] = byName;
        }
        if (byName is null) return false;
        if (byName.TryGetValue(name, out var needed)) return needed;
        var length = prefix.Length + 1 + name.Length;
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        prefix.AsSpan().CopyTo(buffer);
        buffer[prefix.Length] = '.';
        name.AsSpan().CopyTo(buffer[(prefix.Length + 1)..]);
        needed = _lookup.Contains(buffer);
        if (byName.Count >= MaxCachedNames) Reset(byName);
        byName[name] = needed;
        return needed;
    }
}

using System.Xml;

namespace XmlShred.Xml;

/// <summary>
/// Per-thread state that makes repeated reads cheap: one <see cref="NameTable"/> shared by every document this thread
/// reads (so element and attribute names are the same string instances from document to document), and the plan's
/// answers cached per name instance, so deciding what to keep costs a reference-keyed probe, not a string hash.
/// </summary>
internal sealed class ReaderCache
{
    [ThreadStatic]
    private static ReaderCache? t_current;

    private readonly Dictionary<string, bool> _neededAttribute = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ElementFlags> _elementFlags = new(ReferenceEqualityComparer.Instance);

    private ReaderCache(ReadPlan plan, XmlReaderSettings template)
    {
        Plan = plan;
        Settings = template.Clone();
        Settings.NameTable = new NameTable();
    }

    [Flags]
    public enum ElementFlags : byte
    {
        Known = 1,
        Subtree = 2,
        DottedPrefix = 4,
    }

    public ReadPlan Plan { get; }
    public XmlReaderSettings Settings { get; }

    /// <summary>Root paths seen by this thread (one per root element name), reused across documents.</summary>
    public Dictionary<string, PathTrie> Roots { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Trie nodes created so far; a hostile stream of distinct names makes the cache start over.</summary>
    public int PathCount;

    /// <summary>Number of the document being read, stamped on the paths it visits.</summary>
    public int DocumentStamp;

    public static ReaderCache For(ReadPlan plan, XmlReaderSettings template)
    {
        var cache = t_current;
        // A name table that has grown very large (hostile input with endless distinct names) is dropped.
        if (cache is null || !ReferenceEquals(cache.Plan, plan) || cache._neededAttribute.Count > 100_000 || cache.PathCount > 200_000) t_current = cache = new ReaderCache(plan, template);
        return cache;
    }

    public ElementFlags FlagsOf(string element)
    {
        if (_elementFlags.TryGetValue(element, out var flags)) return flags;
        flags = ElementFlags.Known;
        if (Plan.IsSubtreeElement(element)) flags |= ElementFlags.Subtree;
        if (Plan.IsDottedPrefix(element)) flags |= ElementFlags.DottedPrefix;
        _elementFlags[element] = flags;
        return flags;
    }

    public bool IsNeededBareAttribute(string attribute)
    {
        if (_neededAttribute.TryGetValue(attribute, out var needed)) return needed;
        needed = Plan.IsNeededBareAttribute(attribute);
        _neededAttribute[attribute] = needed;
        return needed;
    }
}

using XmlShred.Contract;

namespace XmlShred.Mapping;

/// <summary>
/// The names the application expression context must hold for this contract: every field its application-level
/// expressions read, and the raw attributes of those calculated entries. Leaving other names out changes no lookup
/// (exact, then first case-insensitive match) and spares building a context of every attribute in the document.
/// </summary>
internal sealed class ContextNames
{
    private readonly HashSet<string> _names;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ContextNames(CompiledContract contract)
    {
        _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in contract.Tables)
        {
            if (table.Kind is TableKind.Contact or TableKind.Address or TableKind.Employment) continue;
            foreach (var entry in table.Entries)
            {
                if (entry.Expression is null) continue;
                foreach (var name in entry.Expression.FieldNames) _names.Add(name);
                if (entry.XmlAttribute is not null) _names.Add(entry.XmlAttribute);
            }
        }
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsEmpty => _names.Count == 0;

    public IEnumerable<string> All => _names;

    public bool Contains(string name) => _names.Contains(name);

    /// <summary>Whether <c>prefix + "." + name</c> is needed, without building the string.</summary>
    public bool Contains(string prefix, string name)
    {
        var length = prefix.Length + 1 + name.Length;
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        prefix.AsSpan().CopyTo(buffer);
        buffer[prefix.Length] = '.';
        name.AsSpan().CopyTo(buffer[(prefix.Length + 1)..]);
        return _lookup.Contains(buffer);
    }
}

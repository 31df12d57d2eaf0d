namespace XmlShred.Contract;

/// <summary>
/// One target table of a compiled contract: its kind, the entries that fill it (contract order),
/// the columns it can hold (for DDL) and its key (for insert-if-absent and upserts).
/// </summary>
public sealed class TablePlan
{
    public required string Name { get; init; }
    public required TableKind Kind { get; init; }
    /// <summary>Position in the write order: <c>table_insertion_order</c> first, then the rest alphabetically (OUTPUT-2).</summary>
    public required int WriteOrder { get; init; }
    public required IReadOnlyList<MappingEntry> Entries { get; init; }
    /// <summary>Every column the mapper can produce for this table, keys first. A row holds one slot per column, by ordinal.</summary>
    public required IReadOnlyList<ColumnSpec> Columns
    {
        get => _columns;
        init
        {
            _columns = value;
            _ordinals = new Dictionary<string, int>(value.Count, StringComparer.Ordinal);
            for (var i = 0; i < value.Count; i++) _ordinals.TryAdd(value[i].Name, i);
        }
    }

    private readonly IReadOnlyList<ColumnSpec> _columns = [];
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);

    /// <summary>The ordinal of <paramref name="column"/> in <see cref="Columns"/>, or −1 when the table has no such column.</summary>
    public int Ordinal(string column) => _ordinals.TryGetValue(column, out var i) ? i : -1;
    /// <summary>Primary-key columns. Upsert tables update their non-key columns on conflict.</summary>
    public required IReadOnlyList<string> KeyColumns { get; init; }
    /// <summary>For contact child tables: the parent (contact) table, whose key they reference.</summary>
    public string? ParentTable { get; init; }

    /// <summary>True when some entry is a calculated field, so application-level rows get an expression context (ROW-2).</summary>
    public bool HasCalculatedField => _hasCalculatedField ??= Entries.Any(e => e.Has(MappingTokenKind.CalculatedField));

    private bool? _hasCalculatedField;

    /// <summary>True when the table carries the application id (every table but contact children, OUTPUT-3).</summary>
    public bool HasAppId => Kind is not (TableKind.Address or TableKind.Employment);

    public override string ToString() => $"{Name} ({Kind})";
}

using XmlShred.Contract;

namespace XmlShred.Mapping;

/// <summary>One column of a row under construction, remembering which entry set it and whether it is only a default.</summary>
internal struct Cell
{
    public string Column;
    public object? Value;
    public MappingEntry? Entry;
    public bool IsDefault;

    /// <summary>A default of an entry flagged <c>exclude_default_when_record_empty</c> (DEFAULT-4).</summary>
    public readonly bool IsConditional => IsDefault && Entry is { ExcludeDefaultWhenRecordEmpty: true };
}

/// <summary>A row under construction: ordered cells (first-set order), replaced in place when set again.</summary>
internal sealed class Row
{
    public Row(int capacity = 16)
    {
        Cells = new List<Cell>(capacity);
    }

    public List<Cell> Cells { get; }

    /// <summary>For slot tables (collateral, warranties): the entries of this row's slot, for column completion (ROW-4).</summary>
    public IReadOnlyList<MappingEntry>? SlotEntries { get; init; }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Cells.Count; i++)
        {
            if (Cells[i].Column == column) return i;
        }
        return -1;
    }

    public bool Has(string column) => IndexOf(column) >= 0;

    public object? Get(string column)
    {
        var i = IndexOf(column);
        return i < 0 ? null : Cells[i].Value;
    }

    /// <summary>Sets a column: replaces an existing one in place, otherwise appends.</summary>
    public void Set(string column, object? value, MappingEntry? entry = null, bool isDefault = false)
    {
        var cell = new Cell { Column = column, Value = value, Entry = entry, IsDefault = isDefault };
        var i = IndexOf(column);
        if (i >= 0) Cells[i] = cell;
        else Cells.Add(cell);
    }

    public void Set(MappingEntry entry, in ColumnValue value)
    {
        if (value.IsSet) Set(entry.TargetColumn, value.Value, entry, value.IsDefault);
    }
}

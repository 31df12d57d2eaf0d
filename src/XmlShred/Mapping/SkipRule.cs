using XmlShred.Contract;

namespace XmlShred.Mapping;

/// <summary>The skip rule and conditional defaults of DEFAULT-4, DEFAULT-5, DEFAULT-6.</summary>
internal static class SkipRule
{
    /// <summary>Applies DEFAULT-4 to DEFAULT-6; returns false when the row must be dropped (never for <paramref name="neverDrop"/> tables).</summary>
    public static bool Apply(Row row, bool neverDrop)
    {
        var meaningful = 0;
        var conditional = 0;
        foreach (var cell in row.Cells)
        {
            if (cell.IsConditional) conditional++;
            else if (!cell.IsDefault && cell.Column is not (BuilderColumns.AppId or BuilderColumns.ConId)) meaningful++;
        }
        if (meaningful == 0)
        {
            if (conditional > 0) row.Cells.RemoveAll(c => c.IsConditional);
            return neverDrop;
        }
        if (conditional > 0 && meaningful < 2) row.Cells.RemoveAll(c => c.IsConditional && c.Entry!.Nullable);
        return true;
    }
}

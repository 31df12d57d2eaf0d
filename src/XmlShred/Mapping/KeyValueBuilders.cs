using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>The key/value builders of KV-2 to KV-5. Values are read without a context (KV-1).</summary>
internal static class KeyValueBuilders
{
    private static readonly string[] s_truthy = ["y", "yes", "true", "t", "1"];

    public static List<Row> Build(TablePlan table, DocumentState state)
    {
        var rows = new List<Row>();
        var family = table.Kind.RowCreatingToken();
        foreach (var entry in table.Entries)
        {
            var token = entry.FindToken(family);
            if (token is null) continue;
            var value = ValueResolver.Resolve(entry, table, Scope.None, state);
            var row = table.Kind switch
            {
                TableKind.Score => Score(entry, token, value),
                TableKind.Indicator => Indicator(token, value),
                TableKind.History => History(entry, token, value),
                TableKind.ReportLookup => ReportLookup(entry, token, value),
                _ => null,
            };
            if (row is null) continue;
            row.Cells.Insert(0, new Cell { Column = BuilderColumns.AppId, Value = state.AppId });
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>KV-2: <c>add_score(id)</c> with a value that converts to the column type.</summary>
    private static Row? Score(MappingEntry entry, MappingToken token, object? value)
    {
        if (string.IsNullOrEmpty(token.Parameter)) return null;
        var score = TypedValue.Generic(value, entry.DataType, entry.DataType == DataType.Decimal ? entry.DataLength : null);
        if (score is null) return null;
        var row = new Row();
        row.Set(BuilderColumns.ScoreIdentifier, token.Parameter);
        row.Set(BuilderColumns.Score, score);
        return row;
    }

    /// <summary>KV-3: a row with value "1" only for truthy inputs.</summary>
    private static Row? Indicator(MappingToken token, object? value)
    {
        if (value is not string text || !s_truthy.Contains(text.Trim().ToLowerInvariant())) return null;
        var row = new Row();
        row.Set(BuilderColumns.Indicator, token.Parameter ?? "");
        row.Set(BuilderColumns.Value, "1");
        return row;
    }

    /// <summary>KV-4: <c>[attribute]</c>, <c>[element]</c>, trimmed text.</summary>
    private static Row? History(MappingEntry entry, MappingToken token, object? value)
    {
        if (token.HasParentheses) return null; // the token must be exactly add_history
        var text = value is null ? null : ValueText.ToText(value);
        if (!ContactExtractors.IsMeaningfulText(text)) return null;
        var segment = entry.PathSegments.Count > 0 ? entry.PathSegments[^1] : "";
        var row = new Row();
        row.Set(BuilderColumns.Name, "[" + entry.XmlAttribute + "]");
        row.Set(BuilderColumns.Source, segment.Length == 0 ? null : "[" + segment + "]");
        row.Set(BuilderColumns.Value, text!.Trim());
        return row;
    }

    /// <summary>KV-5: attribute name and value, plus the token's report key when it has parentheses.</summary>
    private static Row? ReportLookup(MappingEntry entry, MappingToken token, object? value)
    {
        var text = value is null ? null : ValueText.ToText(value);
        if (!ContactExtractors.IsMeaningfulText(text)) return null;
        var row = new Row();
        row.Set(BuilderColumns.Name, entry.XmlAttribute);
        row.Set(BuilderColumns.Value, text!.Trim());
        if (token.HasParentheses) row.Set(BuilderColumns.SourceReportKey, token.Parameter);
        return row;
    }
}

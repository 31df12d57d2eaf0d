using XmlShred.Values;

namespace XmlShred.Contract;

internal sealed partial class ContractCompiler
{
    private List<TablePlan> BuildTables(List<MappingEntry> entries, Rules rules, IReadOnlyList<RelationshipDocument> relationships)
    {
        var order = _doc.TableInsertionOrder ?? [];
        var groups = entries.GroupBy(e => e.TargetTable).ToList(); // first-appearance order
        var rootTable = groups.FirstOrDefault(g => g.Any(e => e.TargetColumn == BuilderColumns.AppId && e.Has(MappingTokenKind.IdentityInsert)))?.Key
            ?? order.FirstOrDefault();
        var contactTable = relationships.FirstOrDefault(r => LastSegment(r.XmlChildPath) == rules.Contact?.ElementName)?.ChildTable;
        var plans = new List<(TablePlan Plan, int Rank)>();
        foreach (var group in groups)
        {
            var name = group.Key;
            var kind = KindOf(name, group.ToList(), rules, relationships, contactTable);
            var listed = order.IndexOf(name);
            if (listed >= 0 && name != rootTable && name != ProcessingLog && kind is TableKind.Application && !relationships.Any(r => r.ChildTable == name))
                _sink.Error("CONTRACT-7", $"table_insertion_order[{listed}]", $"table '{name}' is no relationship's child_table and its entries create no rows themselves");
            var parent = kind is TableKind.Address or TableKind.Employment ? relationships.FirstOrDefault(r => r.ChildTable == name)?.ParentTable : null;
            var (columns, keys) = ColumnsOf(kind, group.ToList(), kind == TableKind.Address ? rules.Address : kind == TableKind.Employment ? rules.Employment : null);
            var plan = new TablePlan
            {
                Name = name,
                Kind = kind,
                WriteOrder = 0,
                Entries = group.ToList(),
                Columns = columns,
                KeyColumns = keys,
                ParentTable = parent,
            };
            plans.Add((plan, listed >= 0 ? listed : int.MaxValue));
        }
        var sorted = plans.OrderBy(p => p.Rank).ThenBy(p => p.Plan.Name, StringComparer.Ordinal).Select(p => p.Plan).ToList();
        return sorted.Select((p, i) => new TablePlan
        {
            Name = p.Name, Kind = p.Kind, WriteOrder = i, Entries = p.Entries, Columns = p.Columns, KeyColumns = p.KeyColumns, ParentTable = p.ParentTable,
        }).ToList();
    }

    private const string ProcessingLog = "processing_log";

    /// <summary>Contact/address/employment from the relationship whose child element a filter rule names; else the row-creating token.</summary>
    private static TableKind KindOf(string table, List<MappingEntry> entries, Rules rules, IReadOnlyList<RelationshipDocument> relationships, string? contactTable)
    {
        var rel = relationships.FirstOrDefault(r => r.ChildTable == table);
        if (rel is not null)
        {
            var element = LastSegment(rel.XmlChildPath);
            if (element == rules.Contact?.ElementName) return TableKind.Contact;
            if (element == rules.Address?.ElementName) return TableKind.Address;
            if (rules.Employment is not null && element == rules.Employment.ElementName) return TableKind.Employment;
            // Without an employment rule, a table of the contact's child elements is still the employment table: it just gets no rows (CONTRACT-6).
            if (rules.Employment is null && (rel.ParentTable == contactTable || ParentSegment(rel.XmlChildPath) == rules.Contact?.ElementName)) return TableKind.Employment;
        }
        foreach (var entry in entries)
        {
            foreach (var token in entry.Tokens)
            {
                if (TableKinds.FromRowCreatingToken(token.Kind) is { } kind) return kind;
            }
        }
        return TableKind.Application;
    }

    private static string ParentSegment(string? path) => LastSegment(path is null ? null : path.TrimEnd('/')[..Math.Max(0, path.TrimEnd('/').LastIndexOf('/'))]);

    private static (List<ColumnSpec> Columns, List<string> Keys) ColumnsOf(TableKind kind, List<MappingEntry> entries, FilterRule? childRule)
    {
        var columns = new List<ColumnSpec>();
        void Add(string name, DataType type, int? length, bool key = false)
        {
            var existing = columns.FindIndex(c => c.Name == name);
            if (existing >= 0)
            {
                if (key && !columns[existing].IsKey) columns[existing] = columns[existing] with { IsKey = true };
                return;
            }
            columns.Add(new ColumnSpec(name, type, length, key));
        }
        void AddEntryColumns()
        {
            foreach (var e in entries)
            {
                if (e.TargetColumn.Length > 0) Add(e.TargetColumn, e.DataType, e.DataLength);
            }
        }
        List<string> keys;
        switch (kind)
        {
            case TableKind.Contact:
                Add(BuilderColumns.ConId, DataType.Int, null, key: true);
                Add(BuilderColumns.AppId, DataType.Int, null);
                AddEntryColumns();
                keys = [BuilderColumns.ConId];
                break;
            case TableKind.Address or TableKind.Employment:
                Add(BuilderColumns.ConId, DataType.Int, null, key: true);
                var typeColumn = entries.FirstOrDefault(e => e.XmlAttribute == childRule?.TypeAttribute && e.TargetColumn.Length > 0);
                keys = [BuilderColumns.ConId];
                if (typeColumn is not null)
                {
                    Add(typeColumn.TargetColumn, typeColumn.DataType, typeColumn.DataLength, key: true);
                    keys.Add(typeColumn.TargetColumn);
                }
                AddEntryColumns();
                break;
            case TableKind.Score:
                Add(BuilderColumns.AppId, DataType.Int, null, key: true);
                Add(BuilderColumns.ScoreIdentifier, DataType.String, 50, key: true);
                Add(BuilderColumns.Score, entries.Count > 0 ? entries[0].DataType : DataType.Int, entries.Count > 0 ? entries[0].DataLength : null);
                keys = [BuilderColumns.AppId, BuilderColumns.ScoreIdentifier];
                break;
            case TableKind.Indicator:
                Add(BuilderColumns.AppId, DataType.Int, null, key: true);
                Add(BuilderColumns.Indicator, DataType.String, 100, key: true);
                Add(BuilderColumns.Value, DataType.String, 250);
                keys = [BuilderColumns.AppId, BuilderColumns.Indicator];
                break;
            case TableKind.History:
                Add(BuilderColumns.AppId, DataType.Int, null, key: true);
                Add(BuilderColumns.Name, DataType.String, 100, key: true);
                Add(BuilderColumns.Source, DataType.String, 50);
                Add(BuilderColumns.Value, DataType.String, 250);
                keys = [BuilderColumns.AppId, BuilderColumns.Name];
                break;
            case TableKind.ReportLookup:
                Add(BuilderColumns.AppId, DataType.Int, null, key: true);
                Add(BuilderColumns.Name, DataType.String, 100, key: true);
                Add(BuilderColumns.Value, DataType.String, 250);
                Add(BuilderColumns.SourceReportKey, DataType.String, 20);
                keys = [BuilderColumns.AppId, BuilderColumns.Name];
                break;
            case TableKind.PolicyException:
                Add(BuilderColumns.AppId, DataType.Int, null, key: true);
                Add(BuilderColumns.PolicyExceptionType, DataType.SmallInt, null, key: true);
                Add(BuilderColumns.ReasonCode, DataType.String, 20);
                Add(BuilderColumns.Notes, DataType.String, 1000);
                keys = [BuilderColumns.AppId, BuilderColumns.PolicyExceptionType];
                break;
            case TableKind.Warranty:
                Add(BuilderColumns.AppId, DataType.Int, null, key: true);
                Add(BuilderColumns.WarrantyType, DataType.SmallInt, null, key: true);
                AddEntryColumns();
                keys = [BuilderColumns.AppId, BuilderColumns.WarrantyType];
                break;
            case TableKind.Collateral:
                Add(BuilderColumns.AppId, DataType.Int, null, key: true);
                Add(BuilderColumns.SortOrder, DataType.SmallInt, null, key: true);
                AddEntryColumns();
                keys = [BuilderColumns.AppId, BuilderColumns.SortOrder];
                break;
            default:
                Add(BuilderColumns.AppId, DataType.Int, null, key: true);
                AddEntryColumns();
                keys = [BuilderColumns.AppId];
                break;
        }
        return (columns, keys);
    }
}

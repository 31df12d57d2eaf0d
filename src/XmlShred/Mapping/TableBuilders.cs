using XmlShred.Contract;
using XmlShred.Xml;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>Builders for application-level, contact and contact-child tables (ROW-2, ROW-3, CHILD-2).</summary>
internal static class TableBuilders
{
    /// <summary>ROW-2: one row; a context only when the table has a calculated field.</summary>
    public static List<Row> Application(TablePlan table, DocumentState state, bool neverDrop)
    {
        var scope = table.HasCalculatedField
            ? Scope.ForApplication(state.ApplicationContext)
            : Scope.None;
        var row = new Row(table.Columns.Count);
        foreach (var entry in table.Entries) row.Set(entry, EntryEvaluator.Evaluate(entry, table, scope, state));
        if (!SkipRule.Apply(row, neverDrop)) return [];
        row.Set(BuilderColumns.AppId, state.AppId);
        return [row];
    }

    /// <summary>ROW-3: one row per valid contact, never dropped.</summary>
    public static List<Row> Contacts(TablePlan table, DocumentState state)
    {
        var rows = new List<Row>();
        foreach (var contact in state.Contacts.Valid)
        {
            var element = contact.Element;
            var scope = Scope.ForContact(contact, () => ExpressionContexts.ForContact(state, element));
            var row = new Row(table.Columns.Count);
            foreach (var entry in table.Entries) row.Set(entry, EntryEvaluator.Evaluate(entry, table, scope, state));
            SkipRule.Apply(row, neverDrop: true);
            row.Set(BuilderColumns.ConId, contact.ConId);
            row.Set(BuilderColumns.AppId, state.AppId);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>CHILD-2: rows from the direct address/employment children of each winning contact element.</summary>
    public static List<Row> ContactChildren(TablePlan table, FilterRule rule, DocumentState state)
    {
        var rows = new List<Row>();
        if (state.Contacts.Valid.Count == 0)
        {
            state.Warnings.Add($"{rule.Role} filtering: Application {state.AppIdText} has no valid contacts");
            return rows;
        }
        var label = rule.Role == ElementRole.Address ? "address" : "employment";
        foreach (var contact in state.Contacts.Valid)
        {
            var index = -1;
            foreach (var child in contact.Element.Children)
            {
                if (child.Name != rule.ElementName) continue;
                index++;
                if (rule.TypeAttribute is not null && string.IsNullOrWhiteSpace(child.GetExact(rule.TypeAttribute)))
                {
                    state.Warnings.Add($"Skipping {label} - {char.ToUpperInvariant(label[0])}{label[1..]} {index} for con_id {contact.ConIdText}: Missing {rule.TypeAttribute}");
                    continue;
                }
                if (!PassesRule(child, rule)) continue;
                var conId = contact.ConIdText;
                var scope = Scope.ForChild(child, conId, () => ExpressionContexts.ForChild(state, child, conId));
                var row = new Row(table.Columns.Count);
                foreach (var entry in table.Entries) row.Set(entry, EntryEvaluator.Evaluate(entry, table, scope, state));
                if (!SkipRule.Apply(row, neverDrop: false) || !IsMeaningfulChild(row, child, rule.Role)) continue;
                row.Set(BuilderColumns.ConId, contact.ConId);
                rows.Add(row);
            }
        }
        return rows;
    }

    /// <summary>A filter rule's <c>required_attributes</c>: present and non-blank, or one of the codes (trimmed, CI) (FILTER-3).</summary>
    private static bool PassesRule(XmlNode child, FilterRule rule)
    {
        foreach (var required in rule.RequiredAttributes)
        {
            var value = child.GetExact(required.Name);
            if (string.IsNullOrWhiteSpace(value)) return false;
            if (required.AllowedCodes is { } codes && !codes.Any(c => value.AsSpan().Trim().Equals(c, StringComparison.OrdinalIgnoreCase))) return false;
        }
        return true;
    }

    /// <summary>CHILD-3, CHILD-4: the child row carries real address or employment data.</summary>
    private static bool IsMeaningfulChild(Row row, XmlNode child, ElementRole role)
    {
        var (columns, attributes) = role == ElementRole.Address
            ? (ContactRules.MeaningfulAddressColumns, ContactRules.MeaningfulAddressAttributes)
            : (ContactRules.MeaningfulEmploymentColumns, ContactRules.MeaningfulEmploymentAttributes);
        foreach (var column in columns)
        {
            if (!ValueText.IsBlank(row.Get(column))) return true;
        }
        if (role == ElementRole.Employment && row.Get(ContactRules.EmploymentSalaryColumn) is { } salary && !IsZero(salary)) return true;
        foreach (var attribute in attributes)
        {
            if (!string.IsNullOrWhiteSpace(child.GetExact(attribute))) return true;
        }
        return false;
    }

    private static bool IsZero(object value) => value switch
    {
        decimal d => d == 0,
        long l => l == 0,
        string s => string.IsNullOrWhiteSpace(s),
        _ => false,
    };
}

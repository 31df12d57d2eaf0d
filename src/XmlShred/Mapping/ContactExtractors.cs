using XmlShred.Contract;
using XmlShred.Xml;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>The contact extractors of TOKEN-8 to TOKEN-11. Attribute names are read exactly (XML-5).</summary>
internal static class ContactExtractors
{
    /// <summary><c>last_valid_pr_contact</c> (TOKEN-8, CONTACT-4).</summary>
    public static object? Primary(MappingEntry entry, TablePlan table, DocumentState state)
    {
        var contact = state.Contacts.Primary;
        if (contact is null || entry.XmlAttribute is null) return null;
        if (AddressBranch(entry, table, contact, state, out var fromAddress)) return Finish(fromAddress, entry);
        if (DescendantBranch(entry, contact, state, out var fromDescendant)) return Finish(fromDescendant, entry);
        var value = contact.GetExact(entry.XmlAttribute);
        if (table.Kind == TableKind.History && !IsMeaningfulText(value)) value = HistoryFallback(entry.XmlAttribute, state) ?? value;
        return Finish(value, entry);
    }

    /// <summary><c>last_valid_sec_contact</c> (TOKEN-9): like the primary, without descendant branch or history fallback.</summary>
    public static object? Secondary(MappingEntry entry, TablePlan table, DocumentState state)
    {
        var contact = state.Contacts.Secondary;
        if (contact is null || entry.XmlAttribute is null) return null;
        if (AddressBranch(entry, table, contact, state, out var fromAddress)) return Finish(fromAddress, entry);
        return Finish(contact.GetExact(entry.XmlAttribute), entry);
    }

    /// <summary><c>authu_contact</c> (TOKEN-10, CONTACT-6).</summary>
    public static object? AuthorizedUser(MappingEntry entry, DocumentState state)
    {
        var contact = state.Contacts.AuthorizedUser;
        if (contact is null || entry.XmlAttribute is null) return null;
        if (DescendantBranch(entry, contact, state, out var fromDescendant)) return fromDescendant;
        return contact.GetExact(entry.XmlAttribute);
    }

    /// <summary>
    /// <c>curr_address_only</c> (TOKEN-11): the last contact element with the scope's con_id, its last direct address
    /// child of the preferred type, that child's attribute.
    /// </summary>
    public static object? CurrentAddress(MappingEntry entry, in Scope scope, DocumentState state)
    {
        if (scope.ConIdText is not { } conId || entry.XmlAttribute is null) return null;
        var contract = state.Contract;
        XmlNode? contact = null;
        foreach (var element in state.Document.Elements)
        {
            if (element.Name == contract.ContactRule.ElementName && (element.GetExact(ContactRules.ConIdAttribute) ?? "").Trim() == conId) contact = element;
        }
        if (contact is null) return null;
        XmlNode? address = null;
        var rule = contract.AddressRule;
        foreach (var child in contact.Children)
        {
            if (child.Name == rule.ElementName && rule.TypeAttribute is not null && rule.IsType(child.GetExact(rule.TypeAttribute), 0)) address = child;
        }
        return address?.GetExact(entry.XmlAttribute);
    }

    /// <summary>
    /// Address branch: address descendants of the contact, the preferred type if any has it; the first with a non-empty
    /// value, else the last. False when the entry is not about addresses or the contact has none.
    /// </summary>
    private static bool AddressBranch(MappingEntry entry, TablePlan table, XmlNode contact, DocumentState state, out object? value)
    {
        value = null;
        var contract = state.Contract;
        var addressElement = contract.RelationshipAddressElement;
        if (table.Kind != TableKind.Address && !entry.XmlPath.Contains(addressElement, StringComparison.Ordinal)) return false;
        var candidates = contact.Descendants(addressElement);
        if (candidates.Count == 0) return false;
        var rule = contract.AddressRule;
        var preferred = rule.TypeAttribute is null ? [] : candidates.Where(c => rule.IsType(c.GetExact(rule.TypeAttribute), 0)).ToList();
        if (preferred.Count > 0) candidates = preferred;
        var pick = candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c.GetExact(entry.XmlAttribute!))) ?? candidates[^1];
        var text = pick.GetExact(entry.XmlAttribute!);
        value = text;
        if (text is not null && entry.DataType == DataType.Decimal && entry.DataLength is { } scale)
            value = TypedValue.ToDecimal(text, scale) ?? text;
        return true;
    }

    /// <summary>
    /// Descendant branch (the card branch of TOKEN-8, TOKEN-10, generalized): when the path names an element below the contact
    /// and the contact has such descendants, the attribute of the last one.
    /// </summary>
    private static bool DescendantBranch(MappingEntry entry, XmlNode contact, DocumentState state, out object? value)
    {
        value = null;
        var segments = entry.PathSegments;
        var contactSegment = entry.ContactSegment;
        if (contactSegment < 0 || contactSegment == segments.Count - 1) return false;
        var descendants = contact.Descendants(segments[^1]);
        if (descendants.Count == 0) return false;
        var last = descendants[^1];
        value = last.GetExact(entry.XmlAttribute!);
        return true;
    }

    /// <summary>History fallback: the valid primary-role contacts from the end, first meaningful value.</summary>
    private static string? HistoryFallback(string attribute, DocumentState state)
    {
        var contacts = state.Contacts.Valid;
        var rule = state.Contract.ContactRule;
        for (var i = contacts.Count - 1; i >= 0; i--)
        {
            var element = contacts[i].Element;
            if (rule.TypeAttribute is null || !rule.IsType(element.GetExact(rule.TypeAttribute), 0)) continue;
            var value = element.GetExact(attribute);
            if (IsMeaningfulText(value)) return value;
        }
        return null;
    }

    /// <summary>A key/value value worth a row: non-blank and not the words null/none (KV-1).</summary>
    public static bool IsMeaningfulText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var trimmed = value.AsSpan().Trim();
        return !trimmed.Equals("null", StringComparison.OrdinalIgnoreCase) && !trimmed.Equals("none", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>String columns with a positive length: trim, then truncate (VALUE-7).</summary>
    private static object? Finish(object? value, MappingEntry entry) =>
        value is string s && entry.DataType == DataType.String && entry.DataLength is > 0 ? ValueConversion.PostProcess(s, entry, numbersOnly: false) : value;
}

using XmlShred.Contract;
using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>Finds an entry's input value <c>v</c> (READ-1 to READ-6).</summary>
internal static class ValueResolver
{
    private const string RequestPath = "/Provenir/Request/CustData/";

    public static object? Resolve(MappingEntry entry, TablePlan table, in Scope scope, DocumentState state)
    {
        var contract = state.Contract;
        // READ-1 extractors, in this order.
        if (entry.Has(MappingTokenKind.LastValidPrimary)) return ContactExtractors.Primary(entry, table, state);
        if (entry.Has(MappingTokenKind.LastValidSecondary)) return ContactExtractors.Secondary(entry, table, state);
        if (entry.Has(MappingTokenKind.AuthorizedUser)) return ContactExtractors.AuthorizedUser(entry, state);
        // READ-2
        if (entry.Has(MappingTokenKind.CalculatedField)) return Markers.Calc;
        var attribute = entry.XmlAttribute;
        // READ-3 application-element attributes copied onto every contact row.
        if (table.Kind == TableKind.Contact && scope.HasContext && IsApplicationElementPath(entry.XmlPath, contract.ApplicationElement))
            return attribute is null ? null : state.Document.Find(entry.XmlPath)?.GetExact(attribute);
        var contactSegment = entry.ContactSegment;
        var isContactTable = table.Kind is TableKind.Contact or TableKind.Address or TableKind.Employment;
        // READ-4 contact-level paths in application-level tables read the primary contact (CONTACT-4).
        if (!isContactTable && contactSegment >= 0)
            return attribute is null ? null : WalkFromPrimary(entry.PathSegments, contactSegment, attribute, state);
        // READ-5 the current contact or child element.
        if (scope.Kind is ScopeKind.Contact or ScopeKind.Child && (contactSegment >= 0 || table.Kind is TableKind.Address or TableKind.Employment))
        {
            if (scope.Kind == ScopeKind.Child || table.Kind is TableKind.Address or TableKind.Employment)
                return attribute is null ? null : scope.Element!.Get(attribute);
            if (contactSegment == entry.PathSegments.Count - 1 || contactSegment < 0)
                return attribute is null ? null : scope.Element!.Get(attribute);
            var next = entry.PathSegments[contactSegment + 1];
            return next == contract.AddressRule.ElementName || next == contract.EmploymentRule?.ElementName ? Markers.List : null;
        }
        // READ-6 Path Map.
        return state.Document.Lookup(entry.XmlPath, attribute);
    }

    private static bool IsApplicationElementPath(string path, string applicationElement) =>
        path.Length == RequestPath.Length + applicationElement.Length
        && path.StartsWith(RequestPath, StringComparison.Ordinal)
        && path.EndsWith(applicationElement, StringComparison.Ordinal);

    /// <summary>READ-4: from the primary contact, the last direct child per remaining segment, then the attribute.</summary>
    private static string? WalkFromPrimary(IReadOnlyList<string> segments, int contactSegment, string attribute, DocumentState state)
    {
        var node = state.Contacts.Primary;
        for (var i = contactSegment + 1; node is not null && i < segments.Count; i++) node = node.LastChild(segments[i]);
        return node?.Get(attribute);
    }
}

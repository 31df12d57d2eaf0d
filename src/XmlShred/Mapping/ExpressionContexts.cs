using XmlShred.Expressions;
using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>Builds the names an expression sees (EXPR-10).</summary>
internal static class ExpressionContexts
{
    /// <summary>
    /// Application context: the expression-context primary's keys (prefixed <c>contact.</c>, then bare), <c>contacts</c>,
    /// <c>app_id</c>, then every Path Map element's attributes (prefixed by its last segment, then bare).
    /// </summary>
    public static ExpressionContext ForApplication(DocumentState state)
    {
        var context = new ExpressionContext();
        var names = state.ContextNames.ForThisThread();
        var contacts = state.Contacts;
        if (contacts.Valid.Count > 0)
        {
            if (contacts.ExpressionPrimary is { } primary)
            {
                var attributes = primary.Element.Attributes;
                for (var i = 0; i < attributes.Count; i++)
                {
                    if (names.Contains(ContactPrefix, attributes.NameAt(i))) context.Set(ContactPrefix + "." + attributes.NameAt(i), attributes.ValueAt(i));
                }
                // Asked as (prefix, name): a concatenated key would be a new string each document, and the
                // reference-keyed name cache would grow with every one of them.
                foreach (var list in ChildListNames(state))
                {
                    if (names.Contains(ContactPrefix, list)) context.Set(ContactPrefix + "." + list, Markers.List);
                }
                SetIfNeeded(context, names, ContactsKey, Markers.List);
                for (var i = 0; i < attributes.Count; i++) SetIfNeeded(context, names, attributes.NameAt(i), attributes.ValueAt(i));
                foreach (var list in ChildListNames(state)) SetIfNeeded(context, names, list, Markers.List);
            }
            else
            {
                SetIfNeeded(context, names, ContactsKey, Markers.List);
            }
        }
        SetIfNeeded(context, names, BuilderColumnsAppId, state.AppIdText);
        var applicationElement = state.Contract.ApplicationElement;
        foreach (var node in state.Document.LastElements)
        {
            var attributes = node.Attributes;
            if (attributes.Count == 0) continue;
            var segment = node.Name;
            var isApplication = segment == applicationElement;
            for (var i = 0; i < attributes.Count; i++)
            {
                var name = attributes.NameAt(i);
                if (isApplication)
                {
                    if (names.Contains(ApplicationPrefix, name)) context.Set(ApplicationPrefix + "." + name.ToLowerInvariant(), attributes.ValueAt(i));
                    if (segment != ApplicationPrefix && names.Contains(segment, name)) context.Set(segment + "." + name, attributes.ValueAt(i));
                }
                else if (names.Contains(segment, name))
                {
                    context.Set(segment + "." + name.ToLowerInvariant(), attributes.ValueAt(i));
                }
            }
            for (var i = 0; i < attributes.Count; i++) SetIfNeeded(context, names, attributes.NameAt(i), attributes.ValueAt(i));
        }
        return context;
    }

    private const string ContactPrefix = "contact";
    private const string ContactsKey = "contacts";
    private const string ApplicationPrefix = "application";
    private const string BuilderColumnsAppId = Contract.BuilderColumns.AppId;

    private static void SetIfNeeded(ExpressionContext context, ContextNames.View names, string key, object? value)
    {
        if (names.Contains(key)) context.Set(key, value);
    }

    /// <summary>Contact context: its attributes and its child lists (EXPR-10, unused by the reference contracts).</summary>
    public static ExpressionContext ForContact(DocumentState state, XmlNode contact)
    {
        var context = new ExpressionContext();
        var names = state.ContactContextNames.ForThisThread();
        var attributes = contact.Attributes;
        for (var i = 0; i < attributes.Count; i++) SetIfNeeded(context, names, attributes.NameAt(i), attributes.ValueAt(i));
        foreach (var list in ChildListNames(state)) SetIfNeeded(context, names, list, Markers.List);
        return context;
    }

    /// <summary>Address/employment context: <c>attributes</c>, <c>con_id</c>, the child list, then the child's attributes.</summary>
    public static ExpressionContext ForChild(DocumentState state, XmlNode child, string conIdText)
    {
        var context = new ExpressionContext();
        var names = state.ContactContextNames.ForThisThread();
        SetIfNeeded(context, names, "attributes", Markers.List);
        SetIfNeeded(context, names, ContactRules.ConIdAttribute, conIdText);
        SetIfNeeded(context, names, child.Name, Markers.List);
        var attributes = child.Attributes;
        for (var i = 0; i < attributes.Count; i++) SetIfNeeded(context, names, attributes.NameAt(i), attributes.ValueAt(i));
        return context;
    }

    private static IEnumerable<string> ChildListNames(DocumentState state)
    {
        yield return state.Contract.AddressRule.ElementName;
        if (state.Contract.EmploymentRule is { } employment) yield return employment.ElementName;
    }
}

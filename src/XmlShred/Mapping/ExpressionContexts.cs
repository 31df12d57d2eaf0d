using XmlShred.Expressions;
using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>Builds the names an expression sees (§8.8).</summary>
internal static class ExpressionContexts
{
    /// <summary>
    /// Application context: the expression-context primary's keys (prefixed <c>contact.</c>, then bare), <c>contacts</c>,
    /// <c>app_id</c>, then every Path Map element's attributes (prefixed by its last segment, then bare).
    /// </summary>
    public static ExpressionContext ForApplication(DocumentState state)
    {
        var context = new ExpressionContext();
        var contacts = state.Contacts;
        if (contacts.Valid.Count > 0)
        {
            if (contacts.ExpressionPrimary is { } primary)
            {
                var element = primary.Element;
                var attributes = element.Attributes;
                for (var i = 0; i < attributes.Count; i++) context.Set("contact." + attributes.NameAt(i), attributes.ValueAt(i));
                foreach (var list in ChildListNames(state, element)) context.Set("contact." + list, Markers.List);
                context.Set("contacts", Markers.List);
                for (var i = 0; i < attributes.Count; i++) context.Set(attributes.NameAt(i), attributes.ValueAt(i));
                foreach (var list in ChildListNames(state, element)) context.Set(list, Markers.List);
            }
            else
            {
                context.Set("contacts", Markers.List);
            }
        }
        context.Set("app_id", state.AppIdText);
        var applicationElement = state.Contract.ApplicationElement;
        foreach (var path in state.Document.PathOrder)
        {
            var node = state.Document.PathMap[path];
            var attributes = node.Attributes;
            if (attributes.Count == 0) continue;
            var segment = node.Name;
            if (segment == applicationElement)
            {
                for (var i = 0; i < attributes.Count; i++)
                {
                    context.Set("application." + attributes.NameAt(i).ToLowerInvariant(), attributes.ValueAt(i));
                    if (segment != "application") context.Set(segment + "." + attributes.NameAt(i), attributes.ValueAt(i));
                }
            }
            else
            {
                for (var i = 0; i < attributes.Count; i++) context.Set(segment + "." + attributes.NameAt(i).ToLowerInvariant(), attributes.ValueAt(i));
            }
            for (var i = 0; i < attributes.Count; i++) context.Set(attributes.NameAt(i), attributes.ValueAt(i));
        }
        return context;
    }

    /// <summary>Contact context: its attributes and its child lists (§8.8, unused by the reference contracts).</summary>
    public static ExpressionContext ForContact(DocumentState state, XmlNode contact)
    {
        var context = new ExpressionContext();
        var attributes = contact.Attributes;
        for (var i = 0; i < attributes.Count; i++) context.Set(attributes.NameAt(i), attributes.ValueAt(i));
        foreach (var list in ChildListNames(state, contact)) context.Set(list, Markers.List);
        return context;
    }

    /// <summary>Address/employment context: <c>attributes</c>, <c>con_id</c>, the child list, then the child's attributes.</summary>
    public static ExpressionContext ForChild(XmlNode child, string conIdText)
    {
        var context = new ExpressionContext();
        context.Set("attributes", Markers.List);
        context.Set(ContactRules.ConIdAttribute, conIdText);
        context.Set(child.Name, Markers.List);
        var attributes = child.Attributes;
        for (var i = 0; i < attributes.Count; i++) context.Set(attributes.NameAt(i), attributes.ValueAt(i));
        return context;
    }

    private static IEnumerable<string> ChildListNames(DocumentState state, XmlNode contact)
    {
        yield return state.Contract.AddressRule.ElementName;
        if (state.Contract.EmploymentRule is { } employment) yield return employment.ElementName;
    }
}

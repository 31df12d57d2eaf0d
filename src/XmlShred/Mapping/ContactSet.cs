using XmlShred.Contract;
using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>A valid, de-duplicated contact (CONTACT-3): the winning element for its con_id.</summary>
internal sealed record Contact(XmlNode Element, string ConIdText, long ConId, int Priority);

/// <summary>
/// The contacts of one document and the special selections of CONTACT-4 to CONTACT-7, computed once per document.
/// </summary>
internal sealed class ContactSet
{
    private ContactSet(IReadOnlyList<Contact> valid, XmlNode? primary, XmlNode? secondary, XmlNode? authorizedUser, Contact? expressionPrimary)
    {
        Valid = valid;
        Primary = primary;
        Secondary = secondary;
        AuthorizedUser = authorizedUser;
        ExpressionPrimary = expressionPrimary;
    }

    /// <summary>Valid contacts, one per con_id, in order of the key's first appearance (CONTACT-3).</summary>
    public IReadOnlyList<Contact> Valid { get; }
    /// <summary>Last valid contact with the primary role (CONTACT-4).</summary>
    public XmlNode? Primary { get; }
    /// <summary>Last contact with the secondary role and a non-blank con_id.</summary>
    public XmlNode? Secondary { get; }
    /// <summary>Last contact (contract element) with a non-blank con_id and the secondary role (CONTACT-6).</summary>
    public XmlNode? AuthorizedUser { get; }
    /// <summary>Last valid contact (de-duplicated list) with the primary role (CONTACT-7, EXPR-10).</summary>
    public Contact? ExpressionPrimary { get; }

    public static ContactSet Select(XmlDocumentModel document, CompiledContract contract, List<string> warnings, string appIdText)
    {
        var rule = contract.ContactRule;
        var role = rule.TypeAttribute;
        var contactElements = ElementsNamed(document, rule.ElementName);
        var relationshipElements = contract.RelationshipContactElement == rule.ElementName
            ? contactElements
            : ElementsNamed(document, contract.RelationshipContactElement);

        var valid = new List<Contact>();
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var element in contactElements)
        {
            number++;
            if (!IsValid(element, rule, out var conId, out var conIdText, warnings, number)) continue;
            var priority = rule.PriorityOf(role is null ? null : element.GetExact(role));
            var candidate = new Contact(element, conIdText, conId, priority);
            if (indexByKey.TryGetValue(conIdText, out var at))
            {
                if (priority <= valid[at].Priority) valid[at] = candidate; // ties: the last one wins
            }
            else
            {
                indexByKey[conIdText] = valid.Count;
                valid.Add(candidate);
            }
        }
        if (contactElements.Count == 0)
            warnings.Add($"DATA QUALITY: Application {appIdText} - No contact elements found in XML - will process application only");
        else if (valid.Count == 0)
            warnings.Add($"DATA QUALITY: No valid contacts found (all missing con_id or {role}) - will process with graceful degradation");

        XmlNode? primary = null;
        for (var i = relationshipElements.Count - 1; i >= 0 && primary is null; i--)
        {
            var element = relationshipElements[i];
            if (rule.IsType(RoleOf(element, role), 0) && IsValid(element, rule, out _, out _, null, 0)) primary = element;
        }
        XmlNode? secondary = null;
        if (rule.TypeList.Count >= 2)
        {
            for (var i = relationshipElements.Count - 1; i >= 0 && secondary is null; i--)
            {
                var element = relationshipElements[i];
                if (!string.IsNullOrWhiteSpace(element.GetExact(ContactRules.ConIdAttribute)) && rule.IsType(RoleOf(element, role), 1)) secondary = element;
            }
        }
        XmlNode? authorizedUser = null;
        for (var i = contactElements.Count - 1; i >= 0 && authorizedUser is null; i--)
        {
            var element = contactElements[i];
            if (!string.IsNullOrWhiteSpace(element.GetExact(ContactRules.ConIdAttribute)) && rule.IsType(RoleOf(element, role), 1)) authorizedUser = element;
        }
        Contact? expressionPrimary = null;
        for (var i = valid.Count - 1; i >= 0 && expressionPrimary is null; i--)
        {
            if (rule.IsType(RoleOf(valid[i].Element, role), 0)) expressionPrimary = valid[i];
        }
        WarnAboutPrimariesAndDuplicates(contactElements, rule, warnings, appIdText);
        if (valid.Count > 0 && primary is null)
            warnings.Add($"DATA QUALITY: Application {appIdText} - No PRIMARY ({(rule.TypeList.Count > 0 ? rule.TypeList[0] : "?")}) contact found - some fields requiring 'last_valid_pr_contact' will be skipped");
        return new ContactSet(valid, primary, secondary, authorizedUser, expressionPrimary);
    }

    /// <summary>REJECT-5 data-quality warnings about the primary role and repeated con_ids among well-formed contacts.</summary>
    private static void WarnAboutPrimariesAndDuplicates(List<XmlNode> contacts, FilterRule rule, List<string> warnings, string appIdText)
    {
        if (rule.TypeList.Count == 0 || rule.TypeAttribute is null) return;
        var primaries = contacts.Where(c => rule.IsType(c.GetExact(rule.TypeAttribute), 0) && ContactRules.TryParseId(c.GetExact(ContactRules.ConIdAttribute), out _)).ToList();
        if (primaries.Count > 1) warnings.Add($"Multiple primary contacts found ({primaries.Count}), will process all");
        if (primaries.Count > 0 && primaries.All(p => !ContactRules.IsMeaningfulContact(p)))
            warnings.Add($"DATA QUALITY: Application {appIdText} - PRIMARY ({rule.TypeList[0]}) contact missing meaningful data ({string.Join(", ", ContactRules.MeaningfulContactAttributes.Order(StringComparer.Ordinal))}) - will process application only");
        var duplicates = contacts
            .Select(c => (c.GetExact(ContactRules.ConIdAttribute) ?? "").Trim())
            .Where(id => id.Length > 0)
            .GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (duplicates.Count > 0) warnings.Add($"Duplicate con_ids found: [{string.Join(", ", duplicates)}]");
    }

    private static string? RoleOf(XmlNode element, string? roleAttribute) => roleAttribute is null ? null : element.GetExact(roleAttribute);

    /// <summary>CONTACT-2: valid con_id VALUE-9, a role from the type list FILTER-3, and meaningful data.</summary>
    private static bool IsValid(XmlNode element, FilterRule rule, out long conId, out string conIdText, List<string>? warnings, int number)
    {
        conId = 0;
        conIdText = (element.GetExact(ContactRules.ConIdAttribute) ?? "").Trim();
        var roleText = rule.TypeAttribute is null ? null : element.GetExact(rule.TypeAttribute)?.Trim();
        var missing = new List<string>(2);
        if (conIdText.Length == 0) missing.Add(ContactRules.ConIdAttribute);
        if (rule.TypeAttribute is not null && string.IsNullOrEmpty(roleText)) missing.Add(rule.TypeAttribute);
        if (missing.Count > 0)
        {
            warnings?.Add($"Skipping contact - Contact {number}: Missing required attributes: {string.Join(", ", missing)}");
            return false;
        }
        if (rule.TypeAttribute is not null && rule.PriorityOf(roleText) == 999)
        {
            warnings?.Add($"Skipping contact - Contact {number}: Invalid {rule.TypeAttribute} value: {roleText} (must be one of {string.Join(", ", rule.TypeList)})");
            return false;
        }
        if (!ContactRules.TryParseId(conIdText, out conId)) return false;
        return ContactRules.IsMeaningfulContact(element);
    }

    private static List<XmlNode> ElementsNamed(XmlDocumentModel document, string name)
    {
        var result = new List<XmlNode>();
        foreach (var element in document.Elements)
        {
            if (element.Name == name) result.Add(element);
        }
        return result;
    }
}

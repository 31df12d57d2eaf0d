using System.Text.Json;

namespace XmlShred.Contract;

internal sealed partial class ContractCompiler
{
    private readonly record struct Rules(FilterRule? Contact, FilterRule? Address, FilterRule? Employment);

    private Rules CompileFilterRules()
    {
        var raw = _doc.ElementFiltering?.FilterRules;
        if (raw is null || raw.Count == 0)
        {
            _sink.Error("CONTRACT-6", "element_filtering.filter_rules", "is missing or empty");
            return default;
        }
        FilterRule? contact = null, address = null, employment = null;
        for (var i = 0; i < raw.Count; i++)
        {
            var rule = raw[i];
            var location = $"element_filtering.filter_rules[{i}]";
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(rule.ElementType)) missing.Add("element_type");
            if (string.IsNullOrWhiteSpace(rule.XmlParentPath)) missing.Add("xml_parent_path");
            if (string.IsNullOrWhiteSpace(rule.XmlChildPath)) missing.Add("xml_child_path");
            if (rule.RequiredAttributes.ValueKind != JsonValueKind.Object || !rule.RequiredAttributes.EnumerateObject().Any()) missing.Add("required_attributes");
            if (missing.Count > 0)
            {
                _sink.Error("CONTRACT-6", location, $"empty {string.Join(", ", missing)}");
                continue;
            }
            ElementRole? role = rule.ElementType!.Trim() switch
            {
                "contact" => ElementRole.Contact,
                "address" => ElementRole.Address,
                "employment" => ElementRole.Employment,
                _ => null,
            };
            if (role is null)
            {
                _sink.Warning("filter-rule", location, $"element_type '{rule.ElementType}' is not contact, address or employment; the rule is ignored");
                continue;
            }
            var compiled = CompileRule(role.Value, rule, location);
            switch (role.Value)
            {
                case ElementRole.Contact: contact ??= compiled; break;
                case ElementRole.Address: address ??= compiled; break;
                default: employment ??= compiled; break;
            }
        }
        if (contact is null) _sink.Error("CONTRACT-6", "element_filtering.filter_rules", "no rule with element_type 'contact'");
        if (address is null) _sink.Error("CONTRACT-6", "element_filtering.filter_rules", "no rule with element_type 'address'");
        return new Rules(contact, address, employment);
    }

    private FilterRule CompileRule(ElementRole role, FilterRuleDocument rule, string location)
    {
        var required = new List<RequiredAttribute>();
        string? typeAttribute = null;
        IReadOnlyList<string> typeList = [];
        foreach (var property in rule.RequiredAttributes.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                var codes = property.Value.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()!.Trim() : c.GetRawText()).ToList();
                required.Add(new RequiredAttribute(property.Name, codes));
                if (typeAttribute is null && codes.Count > 0)
                {
                    typeAttribute = property.Name;
                    typeList = codes;
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.True)
            {
                required.Add(new RequiredAttribute(property.Name, null));
            }
            else
            {
                _sink.Warning("filter-rule", $"{location}.required_attributes.{property.Name}", "is neither true nor a list of codes; it is ignored");
            }
        }
        if (typeAttribute is null) _sink.Warning("FILTER-1", location, "no required attribute lists type codes, so roles and preferred types cannot be told apart");
        return new FilterRule
        {
            Role = role,
            ElementName = LastSegment(rule.XmlChildPath),
            RequiredAttributes = required,
            TypeAttribute = typeAttribute,
            TypeList = typeList,
        };
    }

    private List<RelationshipDocument> CheckRelationships()
    {
        var relationships = _doc.Relationships ?? [];
        var order = _doc.TableInsertionOrder ?? [];
        for (var i = 0; i < relationships.Count; i++)
        {
            var rel = relationships[i];
            var location = $"relationships[{i}]";
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(rel.ParentTable)) missing.Add("parent_table");
            if (string.IsNullOrWhiteSpace(rel.ChildTable)) missing.Add("child_table");
            if (string.IsNullOrWhiteSpace(rel.ForeignKeyColumn)) missing.Add("foreign_key_column");
            if (string.IsNullOrWhiteSpace(rel.XmlParentPath)) missing.Add("xml_parent_path");
            if (string.IsNullOrWhiteSpace(rel.XmlChildPath)) missing.Add("xml_child_path");
            if (missing.Count > 0) _sink.Error("CONTRACT-4", location, $"missing {string.Join(", ", missing)}");
            else if (!order.Contains(rel.ChildTable!)) _sink.Error("CONTRACT-4", location, $"child_table '{rel.ChildTable}' is not listed in table_insertion_order");
        }
        return relationships;
    }
}

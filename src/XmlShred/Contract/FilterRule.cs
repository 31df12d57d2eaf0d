namespace XmlShred.Contract;

public enum ElementRole
{
    Contact,
    Address,
    Employment,
}

/// <summary>One required attribute of a filter rule: either "present and non-blank" or "one of these codes".</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named for the contract's required_attributes: an XML attribute, not a .NET attribute class.")]
public sealed record RequiredAttribute(string Name, IReadOnlyList<string>? AllowedCodes);

/// <summary>
/// A compiled <c>element_filtering.filter_rules[]</c> entry (FILTER-1). The element name is the last segment of
/// <c>xml_child_path</c> (FILTER-2); the type attribute is the first required attribute with a non-empty code list (FILTER-1).
/// </summary>
public sealed class FilterRule
{
    public required ElementRole Role { get; init; }
    public required string ElementName { get; init; }
    public required IReadOnlyList<RequiredAttribute> RequiredAttributes { get; init; }
    /// <summary>The type attribute (e.g. the role or address-type attribute); null when no list is given.</summary>
    public string? TypeAttribute { get; init; }
    /// <summary>Allowed type codes; index 0 is the primary role / preferred type, and the index is the priority (FILTER-1).</summary>
    public required IReadOnlyList<string> TypeList { get; init; }

    /// <summary>Index of <paramref name="code"/> in the type list (trimmed, case-insensitive), or 999 (CONTACT-3).</summary>
    public int PriorityOf(string? code)
    {
        var trimmed = code.AsSpan().Trim();
        for (var i = 0; i < TypeList.Count; i++)
        {
            if (trimmed.Equals(TypeList[i], StringComparison.OrdinalIgnoreCase)) return i;
        }
        return 999;
    }

    /// <summary>True when <paramref name="code"/> equals <c>TypeList[index]</c>, trimmed and case-insensitive (FILTER-3).</summary>
    public bool IsType(string? code, int index) =>
        index < TypeList.Count && code.AsSpan().Trim().Equals(TypeList[index], StringComparison.OrdinalIgnoreCase);
}

using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>Limits and clock for mapping. Immutable; one instance serves every worker.</summary>
public sealed record MappingOptions
{
    /// <summary>What one document may cost (size, depth, elements, attributes, time); a document over a limit is rejected alone.</summary>
    public XmlLimits Limits { get; init; } = XmlLimits.Default;

    /// <summary>The clock behind GETUTCDATE() and <c>default_getutcdate_if_null</c>; fixed in tests.</summary>
    public Func<DateTime> UtcNow { get; init; } = static () => DateTime.UtcNow;

    public static MappingOptions Default { get; } = new();
}

namespace XmlShred.Mapping;

/// <summary>Limits and clock for mapping. Immutable; one instance serves every worker.</summary>
public sealed record MappingOptions
{
    public const long DefaultMaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>Documents larger than this (UTF-16 length × 2 as an upper bound of bytes) are rejected unparsed.</summary>
    public long MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>The clock behind GETUTCDATE() and <c>default_getutcdate_if_null</c>; fixed in tests.</summary>
    public Func<DateTime> UtcNow { get; init; } = static () => DateTime.UtcNow;

    public static MappingOptions Default { get; } = new();
}

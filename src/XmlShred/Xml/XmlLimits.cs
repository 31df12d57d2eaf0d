using System.Globalization;

namespace XmlShred.Xml;

/// <summary>
/// What one document may cost. A document over any limit fails alone with a reason naming the limit; the rest of the
/// run goes on. The defaults are far above real credit applications (about 10 levels, a few thousand elements,
/// 2 MB) and far below what would hurt a worker (memory and time stay linear in the document below them).
/// </summary>
public sealed record XmlLimits
{
    public const long DefaultMaxDocumentBytes = 64L * 1024 * 1024;
    /// <summary>libxml2's default nesting limit.</summary>
    public const int DefaultMaxDepth = 256;
    public const int DefaultMaxElements = 1_000_000;
    public const int DefaultMaxAttributes = 10_000;
    public const int DefaultMaxAttributeLength = 1024 * 1024;
    public const int DefaultTimeBudgetSeconds = 60;

    public static XmlLimits Default { get; } = new();

    /// <summary>Documents larger than this (UTF-8 bytes) are rejected unparsed.</summary>
    public long MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>Deepest element nesting (the root is level 1).</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Most elements in one document.</summary>
    public int MaxElements { get; init; } = DefaultMaxElements;

    /// <summary>Most attributes on one element.</summary>
    public int MaxAttributes { get; init; } = DefaultMaxAttributes;

    /// <summary>Longest attribute value, in characters.</summary>
    public int MaxAttributeLength { get; init; } = DefaultMaxAttributeLength;

    /// <summary>Wall-clock time one document may take to read and map.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(DefaultTimeBudgetSeconds);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first limit out of range (every limit must be positive).</summary>
    public void Validate()
    {
        if (MaxDocumentBytes < 1) throw OutOfRange(nameof(MaxDocumentBytes), MaxDocumentBytes);
        if (MaxDepth < 1) throw OutOfRange(nameof(MaxDepth), MaxDepth);
        if (MaxElements < 1) throw OutOfRange(nameof(MaxElements), MaxElements);
        if (MaxAttributes < 1) throw OutOfRange(nameof(MaxAttributes), MaxAttributes);
        if (MaxAttributeLength < 1) throw OutOfRange(nameof(MaxAttributeLength), MaxAttributeLength);
        if (TimeBudget <= TimeSpan.Zero) throw OutOfRange(nameof(TimeBudget), TimeBudget);
    }

    private static ArgumentOutOfRangeException OutOfRange(string limit, object value) =>
        new(limit, value, string.Create(CultureInfo.InvariantCulture, $"{nameof(XmlLimits)}.{limit} must be positive"));
}

/// <summary>A document broke one of the <see cref="XmlLimits"/>; <see cref="Exception.Message"/> names the limit (its <see cref="XmlLimits"/> property).</summary>
internal sealed class XmlLimitException(string message) : Exception(message);

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

    /// <summary>Documents larger than this (UTF-8 bytes) are rejected unparsed. Option <c>--max-document-bytes</c>.</summary>
    public long MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>Deepest element nesting (the root is level 1). Option <c>--max-depth</c>.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Most elements in one document. Option <c>--max-elements</c>.</summary>
    public int MaxElements { get; init; } = DefaultMaxElements;

    /// <summary>Most attributes on one element. Option <c>--max-attributes</c>.</summary>
    public int MaxAttributes { get; init; } = DefaultMaxAttributes;

    /// <summary>Longest attribute value, in characters. Option <c>--max-attribute-length</c>.</summary>
    public int MaxAttributeLength { get; init; } = DefaultMaxAttributeLength;

    /// <summary>Wall-clock time one document may take to read and map. Option <c>--document-time-budget</c> (seconds).</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(DefaultTimeBudgetSeconds);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first limit out of range (every limit must be positive).</summary>
    public void Validate()
    {
        if (MaxDocumentBytes < 1) throw new ArgumentException($"--max-document-bytes must be at least 1 (got {MaxDocumentBytes.ToString(CultureInfo.InvariantCulture)})");
        if (MaxDepth < 1) throw new ArgumentException($"--max-depth must be at least 1 (got {MaxDepth.ToString(CultureInfo.InvariantCulture)})");
        if (MaxElements < 1) throw new ArgumentException($"--max-elements must be at least 1 (got {MaxElements.ToString(CultureInfo.InvariantCulture)})");
        if (MaxAttributes < 1) throw new ArgumentException($"--max-attributes must be at least 1 (got {MaxAttributes.ToString(CultureInfo.InvariantCulture)})");
        if (MaxAttributeLength < 1) throw new ArgumentException($"--max-attribute-length must be at least 1 (got {MaxAttributeLength.ToString(CultureInfo.InvariantCulture)})");
        if (TimeBudget <= TimeSpan.Zero) throw new ArgumentException($"--document-time-budget must be a positive number of seconds (got {TimeBudget.TotalSeconds.ToString(CultureInfo.InvariantCulture)})");
    }
}

/// <summary>A document broke one of the <see cref="XmlLimits"/>; <see cref="Exception.Message"/> names the limit and its option.</summary>
public sealed class XmlLimitException(string message) : Exception(message);

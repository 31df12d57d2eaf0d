namespace XmlShred.Synthetic;

/// <summary>The ways a generated document is broken; each must make pre-processing validation (REJECT-1 to REJECT-3, XML-2) reject it.</summary>
internal static class InvalidKinds
{
    /// <summary>The document is cut off part-way: not well-formed (REJECT-1).</summary>
    public const string Truncated = "truncated";
    /// <summary>Request has no usable ID attribute (absent, blank, or spelled <c>id</c>) (REJECT-2).</summary>
    public const string MissingId = "missing_id";
    /// <summary>Request/@ID is not plain ASCII digits (<c>A42</c>, <c>+42</c>, <c>4_2</c>) (REJECT-2, VALUE-9).</summary>
    public const string NonNumericId = "non_numeric_id";
    /// <summary>The document declares a DOCTYPE with an entity: refused for safety (XML-2).</summary>
    public const string Doctype = "doctype";
    /// <summary>The application element has another name (another product line's, or none known) (REJECT-3).</summary>
    public const string WrongApplication = "wrong_application";

    public static IReadOnlyList<string> All { get; } = [Truncated, MissingId, NonNumericId, Doctype, WrongApplication];
}

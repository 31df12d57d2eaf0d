namespace XmlShred.Synthetic;

/// <summary>The ways a generated document is broken; each must make pre-processing validation (§10, §2.1) reject it.</summary>
public static class InvalidKinds
{
    /// <summary>The document is cut off part-way: not well-formed (E1).</summary>
    public const string Truncated = "truncated";
    /// <summary>Request has no usable ID attribute (absent, blank, or spelled <c>id</c>) (E3).</summary>
    public const string MissingId = "missing_id";
    /// <summary>Request/@ID is not plain ASCII digits (<c>A42</c>, <c>+42</c>, <c>4_2</c>) (E3, F17).</summary>
    public const string NonNumericId = "non_numeric_id";
    /// <summary>The document declares a DOCTYPE with an entity: refused for safety (S-1).</summary>
    public const string Doctype = "doctype";
    /// <summary>The application element has another name (another product line's, or none known) (E4).</summary>
    public const string WrongApplication = "wrong_application";

    public static IReadOnlyList<string> All { get; } = [Truncated, MissingId, NonNumericId, Doctype, WrongApplication];
}

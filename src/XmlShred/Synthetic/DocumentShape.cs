namespace XmlShred.Synthetic;

/// <summary>
/// The structural choices of one document that validation looks at: how Request carries its id, what the
/// application element is called, and what precedes the root. Valid documents use <see cref="Valid"/>.
/// </summary>
internal sealed record DocumentShape(string? IdAttributeName, string? IdValue, string ApplicationElement, string Prolog)
{
    public const string ApplicationElementName = "application";

    public static DocumentShape Valid(long appId, string prolog) =>
        new("ID", appId.ToString(), ApplicationElementName, prolog);
}

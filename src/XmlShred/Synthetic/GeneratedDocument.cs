namespace XmlShred.Synthetic;

/// <summary>One synthetic credit application.</summary>
/// <param name="AppId">The app id the document was built for (a broken document may not carry it as a valid Request/@ID).</param>
/// <param name="FileName">File name without extension, unique per app id, e.g. <c>demo-0000042</c>.</param>
/// <param name="Xml">The document text.</param>
/// <param name="InvalidKind">Null for a valid document; otherwise one of <see cref="InvalidKinds.All"/>.</param>
public sealed record GeneratedDocument(long AppId, string FileName, string Xml, string? InvalidKind)
{
    public bool IsValid => InvalidKind is null;
}

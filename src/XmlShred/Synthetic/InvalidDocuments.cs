namespace XmlShred.Synthetic;

/// <summary>How each invalid kind is produced: a broken shape for the writer, or a cut applied to its text.</summary>
internal static class InvalidDocuments
{
    /// <summary>The shape to write for <paramref name="kind"/>; null kind gives the valid shape.</summary>
    public static DocumentShape Shape(Random rng, string? kind, long appId, string prolog) => kind switch
    {
        InvalidKinds.MissingId => rng.Next(3) switch
        {
            0 => new DocumentShape(null, null, DocumentShape.ApplicationElementName, prolog),
            1 => new DocumentShape("ID", rng.Chance(0.5) ? "" : "   ", DocumentShape.ApplicationElementName, prolog),
            _ => new DocumentShape("id", appId.ToString(), DocumentShape.ApplicationElementName, prolog), // names are case-sensitive
        },
        InvalidKinds.NonNumericId => new DocumentShape("ID", rng.Next(5) switch
        {
            0 => "A" + appId,
            1 => appId + "x",
            2 => "+" + appId,
            3 => appId + ".0",
            _ => "1_" + appId,
        }, DocumentShape.ApplicationElementName, prolog),
        InvalidKinds.WrongApplication =>
            new DocumentShape("ID", appId.ToString(), rng.Chance(0.5) ? "IL_application" : "card_application", prolog),
        InvalidKinds.Doctype => DocumentShape.Valid(appId, prolog.Length > 0 ? prolog + Doctype : Doctype),
        _ => DocumentShape.Valid(appId, prolog),
    };

    /// <summary>A DOCTYPE with an internal entity: harmless here, but the reader must refuse every DTD (XML-2).</summary>
    private const string Doctype = "<!DOCTYPE Provenir [\n  <!ENTITY bank \"Demo Bank\">\n]>\n";

    /// <summary>Cuts a document somewhere in its second half, never keeping less than the minimum size.</summary>
    public static string Truncate(Random rng, string xml)
    {
        var from = Math.Max(xml.Length / 2, Math.Min(SizeModel.MinBytes, xml.Length - 64));
        var cut = rng.Next(from, xml.Length - 16);
        return xml[..cut];
    }
}

namespace XmlShred.Synthetic;

/// <summary>
/// Generates synthetic credit-card applications that fit the example contract (examples/contract.json), with a
/// chosen share of deliberately invalid ones. Deterministic: the same options give the same documents, and
/// document i does not depend on <see cref="GeneratorOptions.Count"/> (each draws its own seed from the master).
/// </summary>
public sealed class DocumentGenerator
{
    private readonly GeneratorOptions _options;

    public DocumentGenerator(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Lazily yields the documents in app-id order; each is built only when enumerated.</summary>
    public IEnumerable<GeneratedDocument> Generate()
    {
        var master = new Random(_options.Seed);
        for (var i = 0; i < _options.Count; i++)
        {
            var appId = _options.FirstAppId + i;
            var rng = new Random(master.Next());
            yield return Build(rng, appId);
        }
    }

    private GeneratedDocument Build(Random rng, long appId)
    {
        string? kind = rng.NextDouble() < _options.InvalidRate ? InvalidKinds.All[rng.Next(InvalidKinds.All.Count)] : null;
        var prolog = rng.Chance(0.4) ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" : "";
        var shape = InvalidDocuments.Shape(rng, kind, appId, prolog);
        var xml = new DocumentWriter(rng, appId, SizeModel.NextTarget(rng, _options.MaxBytes)).Write(shape);
        if (kind == InvalidKinds.Truncated) xml = InvalidDocuments.Truncate(rng, xml);
        return new GeneratedDocument(appId, FileName(appId), xml, kind);
    }

    /// <summary>Sortable and unique per app id; loaders can read the id back from the digits.</summary>
    public static string FileName(long appId) => $"demo-{appId:D8}";
}

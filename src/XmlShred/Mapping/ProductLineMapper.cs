using XmlShred.Contract;
using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>
/// <c>--product-line auto</c>: picks, per document, the contract whose application element the document has under
/// <c>/Provenir/Request/CustData</c>. The document is parsed once; a document that fits no contract is rejected.
/// </summary>
public sealed class ProductLineMapper
{
    private readonly List<DocumentMapper> _mappers;
    private readonly MappingOptions _options;

    public ProductLineMapper(IReadOnlyList<CompiledContract> contracts, MappingOptions? options = null)
    {
        if (contracts.Count == 0) throw new ArgumentException("at least one contract is needed", nameof(contracts));
        _options = options ?? MappingOptions.Default;
        _mappers = contracts.Select(c => new DocumentMapper(c, _options)).ToList();
        _readPlan = _mappers.Skip(1).Aggregate(_mappers[0].ReadPlan, (plan, mapper) => plan.Union(mapper.ReadPlan));
    }

    private readonly ReadPlan _readPlan;

    public IReadOnlyList<CompiledContract> Contracts => _mappers.Select(m => m.Contract).ToList();

    /// <summary>Loads every <c>*.json</c> contract of a folder (sorted by name).</summary>
    public static ProductLineMapper FromDirectory(string directory, MappingOptions? options = null)
    {
        var files = Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"no *.json contract in {directory}");
        return new ProductLineMapper(files.Select(ContractLoader.LoadFile).ToList(), options);
    }

    public MappingResult Map(string xml) => MapWithContract(xml).Result;

    /// <summary>The result and the contract that produced it (null when none fits or the document is unreadable).</summary>
    public (MappingResult Result, CompiledContract? Contract) MapWithContract(string xml)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var document = XmlDocumentReader.TryRead(xml, _options.Limits, _readPlan, out var error);
        if (document is null) return (MappingResult.Rejected(error!.AppId, error.Stage, error.Message, []), null);
        var custData = document.Find($"/{document.Root.Name}/Request/CustData");
        foreach (var mapper in _mappers)
        {
            if (custData?.LastChild(mapper.Contract.ApplicationElement) is not null)
                return (DocumentMapper.WithinTimeBudget(mapper.Map(document), started, _options.Limits), mapper.Contract);
        }
        var found = custData is null ? "no /Provenir/Request/CustData element" : "CustData children " + string.Join(", ", custData.Children.Select(c => c.Name).Distinct());
        var expected = string.Join(", ", _mappers.Select(m => $"{m.Contract.ApplicationElement} ({m.Contract.Name})"));
        return (MappingResult.Rejected(null, "validation", $"No contract fits this document: it has {found}; the contracts expect one of {expected}", []), null);
    }
}

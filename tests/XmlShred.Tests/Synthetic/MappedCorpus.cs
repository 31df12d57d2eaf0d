using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Synthetic;

namespace XmlShred.Tests.Synthetic;

/// <summary>~200 generated documents mapped with the example contract, shared by the tests that inspect the rows.</summary>
public sealed class MappedCorpus
{
    public MappedCorpus()
    {
        Contract = ContractLoader.LoadFile(ExampleFiles.ContractPath);
        var mapper = new DocumentMapper(Contract);
        var documents = new DocumentGenerator(new GeneratorOptions { Count = 220, Seed = 7, InvalidRate = 0.1, FirstAppId = 900_000 }).Generate();
        Pairs = documents.Select(d => (d, mapper.Map(d.Xml))).ToList();
    }

    public CompiledContract Contract { get; }

    public IReadOnlyList<(GeneratedDocument Document, MappingResult Result)> Pairs { get; }

    /// <summary>Every row of <paramref name="table"/> over the corpus, as column → value.</summary>
    public IEnumerable<Dictionary<string, object?>> Rows(string table) =>
        from pair in Pairs
        from mapped in pair.Result.Tables
        where mapped.Name == table
        from row in mapped.Rows
        select mapped.Columns.ToDictionary(c => c, c => mapped.Value(row, c));
}

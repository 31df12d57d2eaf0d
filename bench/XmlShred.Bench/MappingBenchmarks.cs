using System.Xml;
using BenchmarkDotNet.Attributes;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Synthetic;

namespace XmlShred.Bench;

/// <summary>
/// One document set mapped on one thread, beside a bare XmlReader scan of the same documents. Uses the reference
/// samples when ../shared/reference is present (set XMLSHRED_REFERENCE to point elsewhere), else generated documents.
/// Run: dotnet run -c Release --project bench/XmlShred.Bench -- --filter '*Mapping*'
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private static readonly XmlReaderSettings s_scan = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };

    private string[] _documents = [];
    private DocumentMapper _mapper = null!;

    [Params("cc", "rl", "example")]
    public string Corpus { get; set; } = "example";

    [GlobalSetup]
    public void Setup()
    {
        var reference = ReferenceFolder.Find();
        if (Corpus != "example" && reference is not null)
        {
            _mapper = new DocumentMapper(ContractLoader.LoadFile(Path.Combine(reference, "contracts", $"mapping_contract_{Corpus}.json")));
            _documents = Directory.GetFiles(Path.Combine(reference, "samples", Corpus), "*.xml").Select(File.ReadAllText).ToArray();
            return;
        }
        _mapper = new DocumentMapper(ContractLoader.LoadFile(ReferenceFolder.ExampleContract()));
        _documents = new DocumentGenerator(new GeneratorOptions { Count = 200, Seed = 3 }).Generate().Select(d => d.Xml).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int BareScan()
    {
        var elements = 0;
        foreach (var document in _documents)
        {
            try
            {
                using var reader = XmlReader.Create(new StringReader(document), s_scan);
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element) continue;
                    elements++;
                    while (reader.MoveToNextAttribute()) _ = reader.Value;
                }
            }
            catch (XmlException)
            {
            }
        }
        return elements;
    }

    [Benchmark]
    public int Map()
    {
        var rows = 0;
        foreach (var document in _documents) rows += _mapper.Map(document).RowCount;
        return rows;
    }
}

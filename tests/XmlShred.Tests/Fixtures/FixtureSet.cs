using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Output;
using XmlShred.Synthetic;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Fixtures;

/// <summary>
/// The project's own test data: synthetic documents for examples/contract.json (documents/*.xml) and the rows the
/// engine produced for them when they were generated (expected/*.json, golden-file format). Committed, so that the
/// pipeline, kill-and-resume and Ctrl+C tests run in any clone, and checked by <see cref="FixtureSetTests"/> so the
/// expected rows cannot drift silently. Regenerate with <see cref="RegenerateVariable"/> (see README.md here).
/// </summary>
internal static class FixtureSet
{
    public const string RegenerateVariable = "XMLSHRED_REGENERATE_FIXTURES";

    /// <summary>The clock the expected rows were produced with (the example contract never reads it).</summary>
    public static readonly DateTime FixedNow = new(2000, 1, 1);

    // Generation recipe: the generator's first documents that are small enough, valid and broken ones.
    private const int Seed = 20261129;
    private const int Candidates = 3000;
    private const double InvalidRate = 0.08;
    private const int ValidCount = 20;
    private const int MaxChars = 16_000;
    private const int MaxInvalidChars = 40_000;

    public sealed record Document(string Name, string Xml, string ExpectedJson);

    /// <summary>tests/XmlShred.Tests/Fixtures in the source tree (found above the binaries by XmlShred.slnx).</summary>
    public static string Folder { get; } = Locate();

    private static readonly Lazy<CompiledContract> s_contract = new(() => ContractLoader.LoadFile(ExampleFiles.ContractPath));
    private static readonly Lazy<IReadOnlyList<Document>> s_documents = new(Load);

    public static CompiledContract Contract => s_contract.Value;

    public static IReadOnlyList<Document> Documents => s_documents.Value;

    public static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    public static DocumentMapper Mapper() => new(Contract, new MappingOptions { UtcNow = () => FixedNow });

    /// <summary>What the engine produces today for one fixture document, in the committed text form.</summary>
    public static string Render(DocumentMapper mapper, string name, string xml) =>
        MappingJson.ToText(mapper.Map(xml), $"documents/{name}.xml") + "\n";

    /// <summary>Writes a fresh set: documents from the generator, expected rows from the current engine.</summary>
    public static int Regenerate()
    {
        var documents = Path.Combine(Folder, "documents");
        var expected = Path.Combine(Folder, "expected");
        foreach (var dir in new[] { documents, expected })
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(dir);
        }
        var mapper = Mapper();
        var chosen = Choose(new DocumentGenerator(new GeneratorOptions { Count = Candidates, Seed = Seed, InvalidRate = InvalidRate }).Generate());
        foreach (var doc in chosen)
        {
            File.WriteAllText(Path.Combine(documents, doc.FileName + ".xml"), doc.Xml);
            File.WriteAllText(Path.Combine(expected, doc.FileName + ".json"), Render(mapper, doc.FileName, doc.Xml));
        }
        return chosen.Count;
    }

    /// <summary>The first <see cref="ValidCount"/> small valid documents and the first small one of each broken kind.</summary>
    private static List<GeneratedDocument> Choose(IEnumerable<GeneratedDocument> generated)
    {
        var chosen = new List<GeneratedDocument>();
        var kinds = new HashSet<string>();
        var valid = 0;
        foreach (var doc in generated)
        {
            if (doc.InvalidKind is null ? doc.Xml.Length <= MaxChars && valid++ < ValidCount : doc.Xml.Length <= MaxInvalidChars && kinds.Add(doc.InvalidKind))
                chosen.Add(doc);
        }
        return chosen;
    }

    private static List<Document> Load()
    {
        var documents = Path.Combine(Folder, "documents");
        return Directory.EnumerateFiles(documents, "*.xml").Order(StringComparer.Ordinal).Select(file =>
        {
            var name = Path.GetFileNameWithoutExtension(file);
            return new Document(name, File.ReadAllText(file), File.ReadAllText(Path.Combine(Folder, "expected", name + ".json")));
        }).ToList();
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XmlShred.slnx"))) return Path.Combine(dir.FullName, "tests", "XmlShred.Tests", "Fixtures");
        }
        throw new DirectoryNotFoundException("tests/XmlShred.Tests/Fixtures not found above the test binaries (no XmlShred.slnx).");
    }
}

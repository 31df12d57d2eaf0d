using XmlShred.Mapping;
using XmlShred.Synthetic;

namespace XmlShred.Tests.Fixtures;

/// <summary>The committed fixture rows are exactly what the engine produces today (see README.md here to regenerate).</summary>
public sealed class FixtureSetTests
{
    [Fact]
    public void ExpectedRows_AreExactlyWhatTheEngineProducesForEachFixtureDocument()
    {
        if (FixtureSet.Regenerating)
        {
            var written = FixtureSet.Regenerate();
            Assert.Skip($"{FixtureSet.RegenerateVariable}=1: wrote {written} documents and their expected rows to {FixtureSet.Folder}; review the diff and commit it.");
        }
        var mapper = FixtureSet.Mapper();
        var drifted = FixtureSet.Documents
            .Where(d => FixtureSet.Render(mapper, d.Name, d.Xml) != d.ExpectedJson.ReplaceLineEndings("\n"))
            .Select(d => d.Name)
            .ToList();

        Assert.True(drifted.Count == 0,
            $"the engine no longer produces the committed rows for: {string.Join(", ", drifted)}. If the change is intended, " +
            $"regenerate with {FixtureSet.RegenerateVariable}=1 (tests/XmlShred.Tests/Fixtures/README.md) and review the diff.");
    }

    [Fact]
    public void FixtureSet_HoldsMappedDocumentsAndOneRejectedDocumentOfEveryBrokenKind()
    {
        Assert.SkipWhen(FixtureSet.Regenerating, "the fixture files are being rewritten");
        var documents = FixtureSet.Documents;
        var mapper = FixtureSet.Mapper();
        var outcomes = documents.Select(d => mapper.Map(d.Xml)).ToList();

        Assert.InRange(outcomes.Count(r => r.Outcome == MappingOutcome.Mapped), 20, 40);
        Assert.Equal(InvalidKinds.All.Count, outcomes.Count(r => r.Outcome == MappingOutcome.Rejected));
        Assert.All(documents, d => Assert.Contains($"\"source_file\": \"documents/{d.Name}.xml\"", d.ExpectedJson, StringComparison.Ordinal));
    }
}

using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Synthetic;

namespace XmlShred.Tests.Mapping;

/// <summary>
/// The per-thread name caches of the expression contexts are keyed by string instance; a key built per document
/// made them grow with every document mapped (the 1M soak's slow RSS rise). They must stop growing once every
/// name of the corpus has been seen: mapping the same documents again adds nothing.
/// </summary>
public class NameCacheTests
{
    [Fact]
    public void MappingManyDocuments_OnOneThread_CachesEachNameOnce()
    {
        var contract = ContractLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "examples", "contract.json"));
        var mapper = new DocumentMapper(contract);
        var documents = new DocumentGenerator(new GeneratorOptions { Count = 40, Seed = 7, MaxBytes = GeneratorOptions.MinimumCap })
            .Generate().Select(d => d.Xml).ToArray();

        foreach (var xml in documents) Assert.Equal(MappingOutcome.Mapped, mapper.Map(xml).Outcome);
        var afterFirstPass = mapper.CachedContextNamesOnThisThread;
        foreach (var xml in documents) Assert.Equal(MappingOutcome.Mapped, mapper.Map(xml).Outcome);

        Assert.InRange(afterFirstPass, 1, 4096);
        Assert.Equal(afterFirstPass, mapper.CachedContextNamesOnThisThread);
    }
}

using XmlShred.Cli.Commands;
using XmlShred.Contract;
using XmlShred.Loading;
using XmlShred.Mapping;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Cli;
using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Synthetic;

namespace XmlShred.Tests.Hostile;

/// <summary>Every hostile document through the mapper, the <c>map</c> command and a real pipeline run: each ends as its expected outcome.</summary>
public class HostileCorpusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static CompiledContract Contract { get; } = ContractLoader.LoadFile(ExampleFiles.ContractPath);

    public static TheoryData<string> Names => new(HostileCorpus.Cases.Select(c => c.Name));

    private static HostileCase Case(string name) => HostileCorpus.Cases.Single(c => c.Name == name);

    /// <summary>As <c>map</c> does it: bytes decoded by the XML rules, then mapped (a decoding problem is a rejection).</summary>
    internal static MappingResult MapBytes(DocumentMapper mapper, byte[] bytes)
    {
        var (text, problem) = XmlFileDecoder.Decode(bytes);
        return text is null ? MappingResult.Rejected(null, "parsing", problem!, []) : mapper.Map(text);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Mapper_GivesEachCaseItsOutcome(string name)
    {
        var hostile = Case(name);
        var result = MapBytes(new DocumentMapper(Contract), hostile.Bytes);
        if (hostile.Maps)
        {
            Assert.True(result.Outcome == MappingOutcome.Mapped, $"{name}: {result.FailureStage}: {result.Reason}");
            var contact = result.Tables.Single(t => t.Name == "app_contact_base");
            Assert.Equal(hostile.FirstName, contact.Rows[0][contact.IndexOf("first_name")]);
        }
        else
        {
            Assert.Equal(MappingOutcome.Rejected, result.Outcome);
            Assert.Contains(hostile.Reason!, result.Reason);
        }
    }

    [Fact]
    public void MapCommand_OverTheCorpusFiles_RejectsEachBadFileCleanlyAndMapsTheRest()
    {
        var folder = Directory.CreateTempSubdirectory("xmlshred-hostile-").FullName;
        try
        {
            var files = HostileCorpus.Cases.ToDictionary(c => c, c => Path.Combine(folder, $"case{c.AppId}.xml"));
            foreach (var (hostile, file) in files) File.WriteAllBytes(file, hostile.Bytes);
            var output = Path.Combine(folder, "out");

            var (exit, _, error) = CliRunner.Run("map", "-c", ExampleFiles.ContractPath, "--out", output, folder);
            // Rejected documents make map finish with exit code 3 (the CLI's one table); each is still written.

            Assert.True(exit == ExitCodes.SomeApplicationsFailed, error);
            var lines = error.Split('\n');
            foreach (var (hostile, file) in files)
            {
                var rejection = lines.FirstOrDefault(l => l.StartsWith($"rejected: {file} ", StringComparison.Ordinal));
                if (hostile.Maps) Assert.True(rejection is null, $"{hostile.Name}: {rejection}");
                else Assert.True(rejection is not null && rejection.Contains(hostile.Reason!, StringComparison.Ordinal), $"{hostile.Name}: {rejection ?? "(mapped)"}");
                Assert.True(File.Exists(Path.Combine(output, $"case{hostile.AppId}.json")), hostile.Name);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task PipelineRun_OnSqlite_EveryCaseLandsAsItsLogRow_AndOneBadDocumentNeverStopsTheRun()
    {
        var cases = HostileCorpus.Cases.Where(c => c.FitsATextColumn).ToList();
        await using var db = new SqlitePipelineDatabase();
        await db.Target.EnsureSchemaAsync(Contract, Ct);
        var documents = cases.Select(c => new SourceDocument(c.AppId, XmlFileDecoder.Decode(c.Bytes).Text!)).ToList();
        await db.Target.LoadSourceAsync(Contract, documents, replace: false, Ct);

        using var metrics = new PipelineMetrics();
        var mapper = new DocumentMapper(Contract);
        var summary = await PipelineRunner.RunAsync(db.Target, Contract, mapper.Map, new RunOptions { Workers = 2, BatchSize = 8 }, metrics, CancellationToken.None, Ct);

        Assert.Equal((cases.Count(c => c.Maps), cases.Count(c => !c.Maps)), (summary.Succeeded, summary.Failed));
        var log = (await db.QueryAsync("SELECT app_id, status, failure_reason FROM processing_log")).ToDictionary(r => (long)r[0]!, r => ((string)r[1]!, r[2] as string));
        var names = (await db.QueryAsync("SELECT con_id, first_name FROM app_contact_base")).ToDictionary(r => (long)r[0]!, r => r[1] as string);
        foreach (var hostile in cases)
        {
            var (status, reason) = log[hostile.AppId];
            if (hostile.Maps)
            {
                Assert.True(status == "success", $"{hostile.Name}: {reason}");
                Assert.Equal(hostile.FirstName, names[hostile.AppId * 10]);
            }
            else
            {
                Assert.True(status == "failed" && reason!.Contains(hostile.Reason!, StringComparison.Ordinal), $"{hostile.Name}: {status} {reason}");
            }
        }
    }
}

/// <summary><c>load</c> over the hostile files: each bad file is refused alone with its reason; the others are stored exactly as decoded.</summary>
public abstract class HostileLoadTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Load_RefusesEachBadFileWithItsReason_AndStoresTheRestFaithfully()
    {
        var contract = HostileCorpusTests.Contract;
        var folder = Directory.CreateTempSubdirectory("xmlshred-hostile-load-").FullName;
        await using var db = CreateDatabase();
        try
        {
            var files = HostileCorpus.Cases.ToDictionary(c => Path.Combine(folder, $"case{c.AppId}.xml"), c => c);
            foreach (var (file, hostile) in files) await File.WriteAllBytesAsync(file, hostile.Bytes, Ct);

            await db.Target.EnsureSchemaAsync(contract, Ct);
            var loader = new SourceFileLoader(db.Target, contract);
            var outcome = await loader.LoadAsync([.. files.Keys.Order(StringComparer.Ordinal)], replace: false, batchSize: 7, progress: null, Ct);

            var refused = outcome.Rejected.ToDictionary(r => r.Path, r => r.Reason);
            foreach (var (file, hostile) in files)
            {
                if (hostile.Loads) Assert.False(refused.ContainsKey(file), $"{hostile.Name}: {refused.GetValueOrDefault(file)}");
                else Assert.True(refused.TryGetValue(file, out var why) && why.Contains(hostile.LoadReason!, StringComparison.Ordinal), $"{hostile.Name}: {why ?? "(loaded)"}");
            }
            Assert.Equal(HostileCorpus.Cases.Count(c => c.Loads), outcome.Inserted);
            var stored = (await db.QueryAsync($"SELECT app_id, \"{contract.SourceColumn}\" FROM \"{contract.SourceTable}\"")).ToDictionary(r => (long)r[0]!, r => (string)r[1]!);
            foreach (var hostile in HostileCorpus.Cases.Where(c => c.Loads))
                Assert.True(XmlFileDecoder.Decode(hostile.Bytes).Text == stored[hostile.AppId], $"{hostile.Name}: stored text differs from the decoded file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SqliteHostileLoadTests : HostileLoadTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();
}

using XmlShred.Fleet;

namespace XmlShred.Tests.Fleet;

/// <summary><c>--partition auto</c>: the shard comes from the Indexed Job's environment.</summary>
public class KubernetesIndexTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) => name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void IndexFromTheJob_CountFromTheOptionOrTheVariable()
    {
        Assert.Equal((2, 4), KubernetesIndex.Resolve(4, Env(("JOB_COMPLETION_INDEX", "2"))));
        Assert.Equal((0, 3), KubernetesIndex.Resolve(null, Env(("JOB_COMPLETION_INDEX", "0"), ("XMLSHRED_PARTITION_COUNT", "3"))));
        Assert.Equal((1, 2), KubernetesIndex.Resolve(2, Env(("JOB_COMPLETION_INDEX", "1"), ("XMLSHRED_PARTITION_COUNT", "9"))));
    }

    [Theory]
    [InlineData(null, "3", null, "JOB_COMPLETION_INDEX (set by Kubernetes")]
    [InlineData("x", "3", null, "JOB_COMPLETION_INDEX='x' is not a non-negative integer")]
    [InlineData("1", null, null, "--partition-count N or set XMLSHRED_PARTITION_COUNT")]
    [InlineData("1", "two", null, "XMLSHRED_PARTITION_COUNT='two'")]
    [InlineData("3", "3", null, "JOB_COMPLETION_INDEX=3 is not below the partition count 3")]
    [InlineData("0", null, 0, "at least 1")]
    public void MissingOrWrongValues_AreExplained(string? index, string? count, int? option, string message)
    {
        var values = new List<(string, string)>();
        if (index is not null) values.Add(("JOB_COMPLETION_INDEX", index));
        if (count is not null) values.Add(("XMLSHRED_PARTITION_COUNT", count));

        var error = Assert.Throws<ArgumentException>(() => KubernetesIndex.Resolve(option, Env([.. values])));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task RunCommand_PartitionAutoOutsideAnIndexedJob_IsAUsageError()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable(KubernetesIndex.IndexVariable) is not null, "running inside an Indexed Job");
        await using var db = new XmlShred.Tests.Pipeline.SqlitePipelineDatabase();
        var contract = Path.Combine(Path.GetDirectoryName(db.Path)!, "tiny.json");
        await File.WriteAllTextAsync(contract, XmlShred.Tests.Pipeline.TinyContract.Json, TestContext.Current.CancellationToken);

        Assert.Equal(2, await XmlShred.Cli.Program.Main(["run", "--db", db.Path, "--contract", contract, "--partition", "auto", "--partition-count", "3", "--no-progress"]));
    }
}

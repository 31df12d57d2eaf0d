using YamlDotNet.RepresentationModel;

namespace XmlShred.Tests.Deploy;

/// <summary>
/// Docker and Kubernetes are not available on the build machines, so the manifests are checked here: they parse as
/// YAML, carry the fields Kubernetes and Compose require, and take the connection from a Secret through the
/// environment, never from arguments.
/// </summary>
public class DeployManifestTests
{
    private static void AssertSecretOnlyFromEnvironment(YamlNode container)
    {
        var args = container.Has("args") ? container.Strings("args") : [];
        Assert.DoesNotContain("--db", args);
        Assert.DoesNotContain(args, a => a.Contains("password", StringComparison.OrdinalIgnoreCase));
        var db = Assert.Single(container.Items("env"), e => e.Text("name") == "XMLSHRED_DB");
        Assert.False(db.Has("value"), "XMLSHRED_DB must come from the Secret, not a literal");
        Assert.Equal("xmlshred-db", db.Text("valueFrom", "secretKeyRef", "name"));
        Assert.Equal("XMLSHRED_DB", db.Text("valueFrom", "secretKeyRef", "key"));
        Assert.Contains(container.Items("env"), e => e.Text("name") == "XMLSHRED_CONTRACT");
    }

    [Fact]
    public void BackfillJob_IsAnIndexedJobWithParallelism_RunsTheCliAndDrainsOnTermination()
    {
        var job = Assert.Single(DeployFiles.Documents("kubernetes", "backfill-job.yaml"));

        Assert.Equal(("batch/v1", "Job"), (job.Text("apiVersion"), job.Text("kind")));
        Assert.Equal("Indexed", job.Text("spec", "completionMode"));
        var completions = int.Parse(job.Text("spec", "completions"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(int.Parse(job.Text("spec", "parallelism"), System.Globalization.CultureInfo.InvariantCulture) > 1);
        var pod = job.At("spec", "template", "spec");
        Assert.Equal("Never", pod.Text("restartPolicy")); // required by backoffLimitPerIndex
        Assert.True(int.Parse(pod.Text("terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture) > 30);
        var container = Assert.Single(pod.Items("containers"));
        Assert.Equal("run", container.Strings("args")[0]);
        Assert.DoesNotContain("--follow", container.Strings("args")); // a backfill ends when the work does
        AssertSecretOnlyFromEnvironment(container);
        var count = Assert.Single(container.Items("env"), e => e.Text("name") == "XMLSHRED_PARTITION_COUNT");
        Assert.Equal(completions.ToString(System.Globalization.CultureInfo.InvariantCulture), count.Text("value"));
        AssertSecretOnlyFromEnvironment(Assert.Single(pod.Items("initContainers")));
        AssertVolumesResolve(pod);
    }

    [Fact]
    public void FollowDeployment_RunsFollowInEveryReplica_AndItsSelectorMatchesThePods()
    {
        var deployment = Assert.Single(DeployFiles.Documents("kubernetes", "follow-deployment.yaml"));

        Assert.Equal(("apps/v1", "Deployment"), (deployment.Text("apiVersion"), deployment.Text("kind")));
        var selector = (YamlMappingNode)deployment.At("spec", "selector", "matchLabels");
        var labels = (YamlMappingNode)deployment.At("spec", "template", "metadata", "labels");
        foreach (var (key, value) in selector.Children) Assert.Equal(((YamlScalarNode)value).Value, labels.Text(((YamlScalarNode)key).Value!));
        var pod = deployment.At("spec", "template", "spec");
        Assert.True(int.Parse(pod.Text("terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture) > 30);
        var container = Assert.Single(pod.Items("containers"));
        Assert.Equal(["run", "--follow"], container.Strings("args").Take(2));
        AssertSecretOnlyFromEnvironment(container);
        AssertVolumesResolve(pod);
    }

    private static void AssertVolumesResolve(YamlNode pod)
    {
        var volumes = pod.Items("volumes").Select(v => v.Text("name")).ToHashSet();
        var containers = pod.Items("containers").Concat(pod.Has("initContainers") ? pod.Items("initContainers") : []);
        foreach (var mount in containers.SelectMany(c => c.Items("volumeMounts"))) Assert.Contains(mount.Text("name"), volumes);
    }

    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "backfill-job.yaml", "follow-deployment.yaml" })
        {
            var pod = DeployFiles.Documents("kubernetes", file)[0].At("spec", "template", "spec");
            var containers = pod.Items("containers").Concat(pod.Has("initContainers") ? pod.Items("initContainers") : []);
            foreach (var container in containers) data.Add(file, string.Join('\u001f', container.Strings("args")));
        }
        foreach (var service in new[] { "init", "worker" })
            data.Add("docker-compose.yml " + service, string.Join('\u001f', DeployFiles.Documents("docker-compose.yml")[0].At("services", service).Strings("command")));
        return data;
    }

    /// <summary>The connection and contract come from XMLSHRED_DB and XMLSHRED_CONTRACT; everything else must be a valid command line.</summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryManifestCommand_ParsesWithTheRealCli(string where, string joined)
    {
        string[] args = [.. joined.Split('\u001f'), "--db", "x.db", "--contract", "c.json"];

        var parse = XmlShred.Cli.Program.BuildRoot().Parse(args);

        Assert.True(parse.Errors.Count == 0, $"{where}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public void SecretExample_HoldsTheConnectionUnderTheVariableName()
    {
        var secret = Assert.Single(DeployFiles.Documents("kubernetes", "secret.example.yaml"));

        Assert.Equal(("v1", "Secret", "xmlshred-db"), (secret.Text("apiVersion"), secret.Text("kind"), secret.Text("metadata", "name")));
        Assert.StartsWith("Host=", secret.Text("stringData", "XMLSHRED_DB"));
    }

    [Fact]
    public void Compose_HasPostgresAndThreeFollowingWorkers_AndNoPasswordInTheFile()
    {
        var compose = Assert.Single(DeployFiles.Documents("docker-compose.yml"));
        var services = compose.At("services");

        Assert.StartsWith("postgres:", services.Text("postgres", "image"));
        Assert.True(services.At("postgres").Has("healthcheck"));
        var worker = services.At("worker");
        Assert.Equal("3", worker.Text("deploy", "replicas"));
        Assert.Equal(["run", "--follow"], worker.Strings("command").Take(2));
        Assert.Equal("service_completed_successfully", worker.Text("depends_on", "init", "condition"));
        Assert.Equal(["init"], services.At("init").Strings("command"));
        var db = worker.Text("environment", "XMLSHRED_DB");
        Assert.Contains("Password=${POSTGRES_PASSWORD:?", db);
        Assert.Contains("${POSTGRES_PASSWORD:?", services.Text("postgres", "environment", "POSTGRES_PASSWORD"));
    }

    [Fact]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheRuntimeImageThroughTheEntrypoint()
    {
        var lines = File.ReadAllLines(DeployFiles.PathOf("Dockerfile")).Where(l => !l.TrimStart().StartsWith('#')).ToList();

        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", stages[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/runtime:10\.0", stages[1]);
        Assert.Contains(lines, l => l.StartsWith("COPY --from=build /app", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("dotnet publish src/XmlShred.Cli/XmlShred.Cli.csproj -c Release", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"/usr/local/bin/xmlshred-entrypoint\"]", lines);
        Assert.Contains(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("deploy/entrypoint.sh /usr/local/bin/xmlshred-entrypoint", StringComparison.Ordinal));
    }
}

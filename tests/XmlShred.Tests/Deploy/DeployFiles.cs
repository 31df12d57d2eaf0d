using YamlDotNet.RepresentationModel;

namespace XmlShred.Tests.Deploy;

/// <summary>The repository's deploy/ folder, found by walking up from the test binaries, and YAML helpers.</summary>
internal static class DeployFiles
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var deploy = Path.Combine(dir.FullName, "deploy");
            if (Directory.Exists(deploy) && File.Exists(Path.Combine(dir.FullName, "XmlShred.slnx"))) return deploy;
        }
        throw new DirectoryNotFoundException("deploy/ not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>Every YAML document of a file (a manifest may hold several), parsed by YamlDotNet.</summary>
    public static List<YamlMappingNode> Documents(params string[] parts)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(PathOf(parts))) stream.Load(reader);
        return stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToList();
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"missing '{key}' in {string.Join('.', path)}");
            node = child!;
        }
        return node;
    }

    public static bool Has(this YamlNode node, string key) => node is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode(key));

    public static string Text(this YamlNode node, params string[] path) => Assert.IsType<YamlScalarNode>(node.At(path)).Value!;

    public static List<YamlNode> Items(this YamlNode node, params string[] path) => Assert.IsType<YamlSequenceNode>(node.At(path)).Children.ToList();

    public static List<string> Strings(this YamlNode node, params string[] path) => node.Items(path).Select(i => Assert.IsType<YamlScalarNode>(i).Value!).ToList();
}

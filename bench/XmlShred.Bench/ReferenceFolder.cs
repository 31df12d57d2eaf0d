namespace XmlShred.Bench;

/// <summary>Finds ../shared/reference (next to the repository) and the repository's example contract.</summary>
internal static class ReferenceFolder
{
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("XMLSHRED_REFERENCE");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var repo = Repository();
        var candidate = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "reference"));
        return candidate is not null && Directory.Exists(candidate) ? candidate : null;
    }

    public static string ExampleContract() =>
        Path.Combine(Repository() ?? throw new DirectoryNotFoundException("run from inside the repository"), "examples", "contract.json");

    private static string? Repository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XmlShred.slnx"))) return dir.FullName;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XmlShred.slnx"))) return dir.FullName;
        }
        return null;
    }
}

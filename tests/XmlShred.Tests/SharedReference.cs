namespace XmlShred.Tests;

/// <summary>
/// Locates ../shared/reference (test data kept beside the repository, never copied into it).
/// Tests that need it call <see cref="RequireRoot"/>, which skips with a clear message in a user's clone.
/// </summary>
internal static class SharedReference
{
    public const string MissingMessage = "../shared/reference is absent (a user's clone): reference conformance tests are skipped.";

    public static string? Root { get; } = Locate();

    public static string RequireRoot()
    {
        Assert.SkipWhen(Root is null, MissingMessage);
        return Root!;
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([RequireRoot(), .. parts]);

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("XMLSHRED_REFERENCE");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "reference");
            if (dir.Name != "main" && Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(candidate, "CONTRACT_SEMANTICS.md"))) return candidate;
            var sibling = System.IO.Path.Combine(dir.FullName, "..", "shared", "reference");
            if (File.Exists(System.IO.Path.Combine(sibling, "CONTRACT_SEMANTICS.md")) && File.Exists(System.IO.Path.Combine(dir.FullName, "XmlShred.slnx")))
                return System.IO.Path.GetFullPath(sibling);
        }
        return null;
    }
}

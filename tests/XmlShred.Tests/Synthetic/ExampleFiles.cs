namespace XmlShred.Tests.Synthetic;

/// <summary>Finds examples/contract.json: the copy the CLI project puts beside the binaries, else the repository's.</summary>
internal static class ExampleFiles
{
    public static string ContractPath { get; } = Locate();

    private static string Locate()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "examples", "contract.json");
        if (File.Exists(copied)) return copied;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XmlShred.slnx"))) return Path.Combine(dir.FullName, "examples", "contract.json");
        }
        throw new FileNotFoundException("examples/contract.json not found beside the test binaries or above them (no XmlShred.slnx).");
    }
}

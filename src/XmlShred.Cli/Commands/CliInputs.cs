namespace XmlShred.Cli.Commands;

/// <summary>Expands command-line inputs: files as given, folders to their *.xml files (sorted).</summary>
internal static class CliInputs
{
    public static List<string> ExpandXmlFiles(IEnumerable<string> inputs, out List<string> missing)
    {
        var files = new List<string>();
        missing = [];
        foreach (var input in inputs)
        {
            if (Directory.Exists(input)) files.AddRange(Directory.EnumerateFiles(input, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(input)) files.Add(input);
            else missing.Add(input);
        }
        return files;
    }
}

using System.CommandLine;
using XmlShred.Cli;

namespace XmlShred.Tests.Synthetic;

public class GenerateCommandTests
{
    [Fact]
    public void Generate_WritesOneXmlFilePerDocument_AndSummarizes()
    {
        var folder = Directory.CreateTempSubdirectory("xmlshred-gen-");
        try
        {
            var output = new StringWriter();
            var config = new InvocationConfiguration { Output = output, Error = new StringWriter() };
            var code = Program.BuildRoot().Parse(["generate", "--count", "12", "--out", folder.FullName, "--seed", "3", "--invalid-rate", "0.5", "--first-app-id", "40"])
                .Invoke(config);

            Assert.Equal(0, code);
            var files = folder.GetFiles("*.xml").Select(f => f.Name).Order().ToList();
            Assert.Equal(Enumerable.Range(40, 12).Select(i => $"demo-{i:D8}.xml"), files);
            Assert.Contains("Wrote 12 documents", output.ToString());
            Assert.Contains("median", output.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Generate_RefusesAnInvalidRateAboveOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), "xmlshred-gen-never-" + Guid.NewGuid().ToString("N"));
        var error = new StringWriter();
        var config = new InvocationConfiguration { Output = new StringWriter(), Error = error };

        var code = Program.BuildRoot().Parse(["generate", "--count", "3", "--out", folder, "--invalid-rate", "2"]).Invoke(config);

        Assert.Equal(2, code);
        Assert.Contains("InvalidRate", error.ToString());
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Help_DescribesEveryOptionAndGivesAnExample()
    {
        var help = new StringWriter();
        Program.BuildRoot().Parse(["generate", "--help"]).Invoke(new InvocationConfiguration { Output = help });

        foreach (var option in new[] { "--count", "--out", "--seed", "--invalid-rate", "--first-app-id" }) Assert.Contains(option, help.ToString());
        Assert.Contains("xmlshred generate --count", help.ToString());
    }
}

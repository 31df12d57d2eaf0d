using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace XmlShred.Tests.Packaging;

/// <summary>
/// `dotnet pack` of the CLI (already built by this test run, so --no-build) gives the `xmlshred` tool package with
/// its metadata and README. Installing it is checked by hand (docs/install.md): it needs the network-free feed only.
/// </summary>
public sealed class ToolPackageTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "XmlShred.slnx"))) return dir.FullName;
        }
        Assert.Skip("the repository root (XmlShred.slnx) is not above the test binaries");
        return "";
    }

    [Fact]
    public async Task Pack_GivesTheXmlshredToolPackage_WithLicenseReadmeRepositoryAndTheBuildsVersion()
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var output = Directory.CreateTempSubdirectory("xmlshred-pack-").FullName;
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "pack", Path.Combine(root, "src", "XmlShred.Cli", "XmlShred.Cli.csproj"), "-c", configuration, "--no-build", "--no-restore", "-o", output, "-p:Version=9.8.7-test" })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await stdout + await stderr);

        var package = Path.Combine(output, "xmlshred.9.8.7-test.nupkg");
        Assert.True(File.Exists(package), string.Join(", ", Directory.GetFiles(output)));
        using var zip = ZipFile.OpenRead(package);
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("xmlshred", metadata.Element(ns + "id")!.Value);
        Assert.Equal("9.8.7-test", metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.DoesNotContain("Package Description", metadata.Element(ns + "description")!.Value);
        Assert.Equal("git", metadata.Element(ns + "repository")!.Attribute("type")!.Value);
        Assert.Contains(metadata.Elements(ns + "packageTypes").Elements(), e => e.Attribute("name")?.Value == "DotnetTool");

        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        Assert.Contains("dotnet tool install", await readme.ReadToEndAsync(TestContext.Current.CancellationToken));
        var settings = XDocument.Load(zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open());
        Assert.Equal("xmlshred", settings.Descendants("Command").Single().Attribute("Name")!.Value);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/examples/contract.json", StringComparison.Ordinal));
        Directory.Delete(output, recursive: true);
    }
}

using System.Xml.Linq;

namespace XmlShred.Tests.Benchmarking;

/// <summary>Checks that chart files are real images, not just files that exist.</summary>
internal static class ChartAssert
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A PNG that decodes to a bitmap of a chart's size, with more than one colour in it (not blank).</summary>
    public static void ValidPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes.Take(8).ToArray());
        using var bitmap = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.True(bitmap.Width >= 400 && bitmap.Height >= 300, $"{path} is {bitmap.Width}×{bitmap.Height}");
        var colours = new HashSet<uint>();
        for (var x = 0; x < bitmap.Width; x += 7)
        {
            for (var y = 0; y < bitmap.Height; y += 7) colours.Add((uint)bitmap.GetPixel(x, y));
        }
        Assert.True(colours.Count > 3, $"{path} looks blank ({colours.Count} colours)");
    }

    /// <summary>Well-formed XML with an &lt;svg&gt; root that draws something.</summary>
    public static void ValidSvg(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        var svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.True(svg.Descendants().Count() > 20, $"{path} draws almost nothing");
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text");
    }

    public static void ValidChart(string folder, string name)
    {
        ValidPng(Path.Combine(folder, name + ".png"));
        ValidSvg(Path.Combine(folder, name + ".svg"));
    }
}

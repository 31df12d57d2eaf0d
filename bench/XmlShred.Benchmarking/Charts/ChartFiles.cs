using ScottPlot;

namespace XmlShred.Benchmarking.Charts;

/// <summary>Writes a chart as PNG (for pages and docs) and SVG (for print and zoom), with one look for every chart.</summary>
public static class ChartFiles
{
    public const int Width = 900;
    public const int Height = 480;

    private static readonly string[] SansFamilies = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];

    /// <summary>
    /// ScottPlot's default face is missing on most Linux machines and its fallback there is a serif face: use the
    /// first installed sans-serif family instead, for every label of every chart.
    /// </summary>
    public static readonly string FontName = PickFont();

    static ChartFiles() => Fonts.Default = FontName;

    private static string PickFont()
    {
        var installed = SkiaSharp.SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return SansFamilies.FirstOrDefault(installed.Contains) ?? Fonts.Sans;
    }

    /// <summary>Saves <c>name.png</c> and <c>name.svg</c> in <paramref name="folder"/>; returns the two file names.</summary>
    public static IReadOnlyList<string> Save(Plot plot, string folder, string name, int width = Width, int height = Height)
    {
        plot.SavePng(Path.Combine(folder, name + ".png"), width, height);
        // Skia's SVG canvas cannot draw dashes (it draws them solid and complains on stderr): say solid up front.
        foreach (var plottable in plot.GetPlottables())
        {
            if (plottable is ScottPlot.Plottables.Scatter scatter) scatter.LinePattern = LinePattern.Solid;
            else if (plottable is ScottPlot.Plottables.AxisLine line) line.LinePattern = LinePattern.Solid;
        }
        plot.SaveSvg(Path.Combine(folder, name + ".svg"), width, height);
        return [name + ".png", name + ".svg"];
    }

    /// <summary>A plot with title and axis labels set, the legend in the corner where it covers least.</summary>
    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>A palette that stays distinguishable for colour-blind readers.</summary>
    public static readonly Color[] Colors =
    [
        new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28), new(0x94, 0x67, 0xbd), new(0x8c, 0x56, 0x4b),
    ];
}

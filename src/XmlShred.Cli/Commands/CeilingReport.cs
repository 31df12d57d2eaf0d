using XmlShred.Pipeline;

namespace XmlShred.Cli.Commands;

/// <summary>The <c>bench run</c> lines that compare each mode with the mapping ceiling.</summary>
internal static class CeilingReport
{
    public static void Print(MappingCeiling ceiling, IReadOnlyDictionary<PipelineMode, List<RunReport>> runs)
    {
        Console.WriteLine($"mapping ceiling: {ceiling.DocsPerSecond:N0} docs/s on 1 thread x {ceiling.Workers} workers = {ceiling.AppsPerSecond:N0} apps/s "
            + $"({ceiling.DocsPerCpuSecond:N0} docs per CPU-s; mean of a measurement before and after the runs)");
        foreach (var (mode, reports) in runs)
        {
            if (reports.Count == 0) continue;
            var wall = reports.Select(r => r.AppsPerSecond).Order().ElementAt(reports.Count / 2);
            var perCpu = reports.Select(r => (r.Succeeded + r.Failed) / Math.Max(r.CpuSeconds, 1e-9)).Order().ElementAt(reports.Count / 2);
            // Wall clock is what the target asks for; per CPU-second is the same comparison with the machine's other load taken out.
            Console.WriteLine($"{mode.ToString().ToLowerInvariant(),-10} {wall / ceiling.AppsPerSecond,6:P0} of the ceiling (apps/s, median);  "
                + $"{perCpu / ceiling.DocsPerCpuSecond,6:P0} per CPU-second (apps per CPU-s / mapping docs per CPU-s)");
        }
    }
}

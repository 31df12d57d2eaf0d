using System.Diagnostics;
using XmlShred.Contract;
using XmlShred.Mapping;

namespace XmlShred.Cli.Commands;

/// <summary>
/// What the pipeline could do at best on a corpus: single-thread mapping throughput (parse + rows, no database,
/// no queues) times the number of workers. <c>bench run</c> measures it on the same documents as its runs, so
/// end-to-end apps/s divided by this ceiling is the share the pipeline's own overhead leaves.
/// </summary>
internal sealed record MappingCeiling(double DocsPerSecond, double DocsPerCpuSecond, long Documents, int Workers)
{
    /// <summary>Single-thread docs/s times workers: the end-to-end rate if reading and writing cost nothing.</summary>
    public double AppsPerSecond => DocsPerSecond * Workers;

    /// <summary>Maps documents on one thread, in corpus order, for about <paramref name="duration"/> after a short warm-up.</summary>
    public static MappingCeiling Measure(CompiledContract contract, IReadOnlyList<string> documents, int workers, TimeSpan duration)
    {
        var mapper = new DocumentMapper(contract);
        MappingCeiling? result = null;
        // A thread of its own, so the figure is one thread's, whatever the caller's context does.
        var thread = new Thread(() =>
        {
            for (var i = 0; i < Math.Min(documents.Count, 200); i++) mapper.Map(documents[i]); // warm-up: JIT, caches
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long mapped = 0;
            while (clock.Elapsed < duration || mapped == 0)
            {
                mapper.Map(documents[(int)(mapped % documents.Count)]);
                mapped++;
            }
            var wall = clock.Elapsed.TotalSeconds;
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            result = new MappingCeiling(mapped / wall, mapped / Math.Max(cpu, 1e-9), mapped, workers);
        }) { IsBackground = true, Name = "mapping ceiling" };
        thread.Start();
        thread.Join();
        return result!;
    }

    /// <summary>The mean of two measurements (taken before and after the runs, so a machine getting busier skews both sides alike).</summary>
    public static MappingCeiling Mean(MappingCeiling a, MappingCeiling b) =>
        new((a.DocsPerSecond + b.DocsPerSecond) / 2, (a.DocsPerCpuSecond + b.DocsPerCpuSecond) / 2, a.Documents + b.Documents, a.Workers);
}

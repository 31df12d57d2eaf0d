using System.Runtime.InteropServices;

namespace XmlShred.Benchmarking.Runs;

/// <summary>What the figures were measured on. Other work on the machine skews every figure, so the load is part of it.</summary>
public sealed record MachineInfo(int Cores, string Os, string Runtime, string? LoadAverage)
{
    public static MachineInfo Current() => new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, LoadAverageNow());

    /// <summary>The 1, 5 and 15 minute load averages (Linux), else null.</summary>
    public static string? LoadAverageNow() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
}

namespace XmlShred.Synthetic;

/// <summary>
/// Target document sizes: log-normal around a ~40 KB median (most applications are small), plus a thin tail of
/// bloated files (long bureau histories) up to 2 MB, so readers and writers meet realistic extremes.
/// </summary>
internal static class SizeModel
{
    public const int MinBytes = 10 * 1024;
    public const int MaxBytes = 2 * 1024 * 1024;
    private const double MedianBytes = 40 * 1024;
    private const double Sigma = 0.75;
    private const double BloatShare = 0.01;
    private const double BloatFloor = 400 * 1024;

    /// <param name="cap">Largest target in bytes (a soak run caps sizes so a million documents fit on disk).</param>
    public static int NextTarget(Random rng, int cap = MaxBytes)
    {
        double bytes;
        if (rng.NextDouble() < BloatShare)
        {
            // log-uniform between the floor and the cap: a few near 2 MB, more near 400 KB
            bytes = Math.Exp(Math.Log(BloatFloor) + (rng.NextDouble() * (Math.Log(MaxBytes) - Math.Log(BloatFloor))));
        }
        else
        {
            bytes = MedianBytes * Math.Exp(Sigma * NextGaussian(rng));
        }
        // margins: the writer stops within a few hundred bytes of the target, and a few names are non-ASCII
        return (int)Math.Clamp(bytes, MinBytes + 1024, Math.Min(MaxBytes, cap) - 2048);
    }

    /// <summary>Box–Muller; System.Random has no normal distribution.</summary>
    private static double NextGaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble(); // (0, 1]: keeps Log finite
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

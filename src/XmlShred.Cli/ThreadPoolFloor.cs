namespace XmlShred.Cli;

/// <summary>
/// The thread-pool minimum is process-wide, so the host sets it, never the library. Map workers map synchronously and
/// each holds a pool thread for its whole life; with the default minimum (one thread per core) the reader and the
/// writer waited for the pool's slow thread injection and the work queue ran dry while both cores mapped.
/// </summary>
internal static class ThreadPoolFloor
{
    /// <summary>Room for <paramref name="workers"/> map workers plus the reader, the writer and their timers.</summary>
    public static void ReserveFor(int workers)
    {
        var needed = workers + 4;
        ThreadPool.GetMinThreads(out var workerThreads, out var ioThreads);
        if (workerThreads < needed) ThreadPool.SetMinThreads(needed, ioThreads);
    }
}

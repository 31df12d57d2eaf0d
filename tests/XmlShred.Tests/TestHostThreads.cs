using System.Runtime.CompilerServices;

namespace XmlShred.Tests;

/// <summary>
/// Test classes run in parallel, and many block on a database or a child process. A higher thread-pool floor keeps
/// the timing-sensitive tests (Ctrl+C, kill-and-resume) from waiting seconds for a thread on a busy 2-core machine,
/// which would let the child CLI finish before the test interrupts it.
/// </summary>
internal static class TestHostThreads
{
    [ModuleInitializer]
    internal static void RaiseThreadPoolFloor()
    {
        ThreadPool.GetMinThreads(out var worker, out var io);
        ThreadPool.SetMinThreads(Math.Max(worker, 32), Math.Max(io, 32));
    }
}

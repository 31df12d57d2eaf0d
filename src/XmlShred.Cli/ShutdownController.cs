using System.Runtime.InteropServices;
using XmlShred.Cli.Commands;

namespace XmlShred.Cli;

/// <summary>
/// Two-stage interruption, owned in exactly one place: the CLI, because only the process's host may decide to exit;
/// the library only sees the two tokens. First Ctrl+C (or SIGTERM): <see cref="StopToken"/> fires —
/// reading stops, both queues drain, the last batch commits, the summary prints, exit 130. Second Ctrl+C:
/// <see cref="AbortToken"/> fires — the open transaction rolls back and the process exits at once. Because this
/// class owns the signals, System.CommandLine's own handling must be off (ProcessTerminationTimeout = null).
/// </summary>
internal sealed class ShutdownController : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Action<string> _notify;
    private readonly bool _exitWhenAbortHangs;

    /// <param name="notify">Tells the operator what a signal did (called on the signal's thread).</param>
    /// <param name="exitWhenAbortHangs">After an abort, exit the process with 130 if it is still alive 5 s later (off in tests, which share the process).</param>
    public ShutdownController(Action<string>? notify = null, bool exitWhenAbortHangs = false)
    {
        _notify = notify ?? (_ => { });
        _exitWhenAbortHangs = exitWhenAbortHangs;
    }

    public CancellationToken StopToken => _stop.Token;
    public CancellationToken AbortToken => _abort.Token;
    public bool StopRequested => _stop.IsCancellationRequested;
    public bool AbortRequested => _abort.IsCancellationRequested;

    /// <summary>Starts listening to SIGINT (Ctrl+C) and SIGTERM. Returns this.</summary>
    public ShutdownController ListenToSignals()
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        return this;
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // we decide when to exit
        Interrupt();
    }

    /// <summary>What a signal does: stop on the first call, abort on the second.</summary>
    public void Interrupt()
    {
        if (!_stop.IsCancellationRequested)
        {
            _notify("Interrupted: finishing the applications already read (Ctrl+C again to abort and roll back the open batch)…");
            _stop.Cancel();
            return;
        }
        if (_abort.IsCancellationRequested) return;
        _notify("Aborting: rolling back the open batch.");
        _abort.Cancel();
        // Safety net: if some stage does not react to the token, leave anyway; SQLite and the server roll back
        // an unfinished transaction on their own.
        if (_exitWhenAbortHangs) _ = Task.Delay(TimeSpan.FromSeconds(5)).ContinueWith(_ => Environment.Exit(ExitCodes.Interrupted), TaskScheduler.Default);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
        _abort.Dispose();
    }
}

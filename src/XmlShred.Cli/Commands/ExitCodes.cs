using XmlShred.Pipeline;

namespace XmlShred.Cli.Commands;

/// <summary>Process exit codes of every command (the meanings are in <see cref="ExitCodeTable"/> and docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int UnexpectedError = 1;
    public const int UsageError = 2;
    /// <summary>The run completed, but at least one application has a failed processing_log row.</summary>
    public const int SomeApplicationsFailed = 3;
    public const int Interrupted = 130;

    /// <summary>The exit code of a run: an outage stop is an unexpected error (1), the summary says what was committed.</summary>
    public static int Of(RunOutcome outcome) => outcome switch
    {
        RunOutcome.AllSucceeded => Success,
        RunOutcome.SomeApplicationsFailed => SomeApplicationsFailed,
        RunOutcome.Interrupted => Interrupted,
        RunOutcome.StoppedByOutage => UnexpectedError,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown run outcome"),
    };
}

namespace XmlShred.Cli.Commands;

/// <summary>Exit codes every command shares (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked (rejected documents count as handled).</summary>
    public const int Success = 0;
    /// <summary>Some inputs could not be processed, or an unexpected error.</summary>
    public const int Failure = 1;
    /// <summary>Bad usage, an invalid contract or configuration: nothing was processed.</summary>
    public const int Usage = 2;
    /// <summary>A run finished, but some applications were recorded as failed.</summary>
    public const int ApplicationsFailed = 3;
    /// <summary>Interrupted by Ctrl+C after draining.</summary>
    public const int Interrupted = 130;
}

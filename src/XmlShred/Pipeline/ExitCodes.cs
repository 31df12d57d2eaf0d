namespace XmlShred.Pipeline;

/// <summary>Process exit codes of every command (documented in the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int UnexpectedError = 1;
    public const int UsageError = 2;
    /// <summary>The run completed, but at least one application has a failed processing_log row.</summary>
    public const int SomeApplicationsFailed = 3;
    public const int Interrupted = 130;
}

namespace XmlShred.Pipeline;

/// <summary>How a run ended, least serious first; the host (the CLI) turns it into an exit code.</summary>
public enum RunOutcome
{
    /// <summary>Every application read was mapped and written.</summary>
    AllSucceeded,
    /// <summary>The run completed, but at least one application has a failed processing_log row.</summary>
    SomeApplicationsFailed,
    /// <summary>Stopped on request: reading stopped, and everything read was still written.</summary>
    Interrupted,
    /// <summary>A database outage outlasted the retry time; every committed batch is complete, the rest stays pending.</summary>
    StoppedByOutage,
}

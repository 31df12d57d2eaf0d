namespace XmlShred.Pipeline.Resilience;

/// <summary>
/// A transient database fault lasted longer than the retry time. Nothing of the open batch was committed (or what
/// was is recorded in processing_log), so the run stops with its summary and a rerun continues where it stopped.
/// </summary>
internal sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException(string operation, TimeSpan outage, int attempts, TimeSpan budget, string fault, Exception innerException)
        : base($"the database stayed unavailable for {outage.TotalSeconds:0.0} s ({attempts} failed attempt(s), retry time {budget.TotalSeconds:0} s) while {operation}: {fault}", innerException)
    {
        Operation = operation;
        Outage = outage;
        Attempts = attempts;
    }

    public DatabaseUnavailableException()
    {
        Operation = "";
    }

    public DatabaseUnavailableException(string message) : base(message)
    {
        Operation = "";
    }

    public DatabaseUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
        Operation = "";
    }

    public string Operation { get; }
    public TimeSpan Outage { get; }
    public int Attempts { get; }
}

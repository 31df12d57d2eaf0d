using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// Server targets (PostgreSQL, SQL Server) whose data can be emptied in place between benchmark repeats, where a
/// SQLite target is simply a fresh copy of a template file.
/// </summary>
public interface ITargetReset
{
    /// <summary>Empties every target table and processing_log, and the source table too when <paramref name="includeSource"/>.</summary>
    Task ResetAsync(CompiledContract contract, bool includeSource, CancellationToken cancellationToken);
}

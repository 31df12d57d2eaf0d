using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// One database dialect (SQLite, PostgreSQL, SQL Server): its DDL, its source reader and its batch writer.
/// The pipeline only talks to this seam. Open one with <see cref="TargetDatabaseFactory.Open"/>.
/// </summary>
/// <remarks>
/// Changes made by the pipeline branch (keep them in every dialect):
/// <list type="bullet">
/// <item><see cref="DisplayName"/>: the connection as it may be printed (password redacted by the provider's builder).</item>
/// <item><see cref="LoadSourceAsync"/>: the <c>load</c> command's insert into the source table.</item>
/// <item><see cref="CountPendingAsync"/>: how many source rows a run would consider (progress ETA only).</item>
/// <item><see cref="ClassifyFailure"/>: turns a write exception into a processing_log stage, or says it is fatal.</item>
/// <item><see cref="IBatchWriter.WriteBatchAsync"/> returns <see cref="BatchWriteTimings"/> (insert vs commit time).</item>
/// </list>
/// </remarks>
public interface ITargetDatabase : IAsyncDisposable
{
    string Dialect { get; }

    /// <summary>The connection, safe to print: passwords redacted with the provider's connection-string builder.</summary>
    string DisplayName { get; }

    /// <summary>The DDL that creates target tables, processing_log, the source table and the claim tables (idempotent statements).</summary>
    IReadOnlyList<string> SchemaDdl(CompiledContract contract);

    /// <summary>Creates whatever is missing; running it twice changes nothing.</summary>
    Task EnsureSchemaAsync(CompiledContract contract, CancellationToken cancellationToken);

    /// <summary>
    /// Keyset-paged (by app_id, ascending; never OFFSET) pages of source rows whose app_id has no processing_log row
    /// yet and that match <paramref name="selection"/>, including its <see cref="SourceSelection.Limit"/>.
    /// Rows whose XML is NULL are not returned. An empty sequence means nothing is pending. With an
    /// <paramref name="admission"/>, each document is charged to it before its text is read (see
    /// <see cref="KeysetSourceReader"/>); the documents carry their charge in <see cref="SourceDocument.Admitted"/>.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(CompiledContract contract, SourceSelection selection, int pageSize,
        ISourceAdmission? admission, CancellationToken cancellationToken);

    /// <summary>The number of rows <see cref="ReadPendingPagesAsync"/> would return right now (limit applied).</summary>
    Task<long> CountPendingAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken);

    /// <summary>
    /// Source rows matching <paramref name="selection"/> (its limit aside) whose XML is NULL. Runs skip them, as the
    /// reference does, and write no processing_log row; the summary and the report count them so they are never invisible.
    /// </summary>
    Task<long> CountNullXmlAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts documents into the contract's source table in one transaction. Existing app_ids are left alone
    /// (counted as skipped) unless <paramref name="replace"/>, which overwrites their XML.
    /// </summary>
    Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken);

    Task<IBatchWriter> OpenWriterAsync(CompiledContract contract, CancellationToken cancellationToken);

    /// <summary>The claim table of this database, used by <paramref name="owner"/> (the tables come with <see cref="EnsureSchemaAsync"/>).</summary>
    Fleet.ClaimStore OpenClaims(CompiledContract contract, Fleet.FleetOptions options, Fleet.LeaseOwner owner);

    /// <summary>
    /// What a failed single-application write means: a constraint violation or another data error of that
    /// application (logged as failed), or a fatal condition (disk full, lock timeout, lost connection, missing table)
    /// that says nothing about the application and must stop the run without logging it, so a later run retries it,
    /// or a transient fault (<see cref="WriteFailureKind.Transient"/>) that is worth sending the batch again for.
    /// The source reader uses the same answer to decide whether to re-open after a failed page.
    /// </summary>
    WriteFailureKind ClassifyFailure(Exception exception);
}

/// <summary>Writes batches of applications, each batch in one transaction. Used by one task at a time.</summary>
public interface IBatchWriter : IAsyncDisposable
{
    /// <summary>
    /// One transaction: the fence check of the batch's leases (when claiming, see <see cref="Claims"/>), then each
    /// application's processing_log row, insert-if-absent against the unique app_id index (the exactly-once gate: an
    /// application another instance logged first loses and is counted in <see cref="BatchWriteTimings.DoneElsewhere"/>),
    /// then every table in write order for the winners only (insert-if-absent / upsert per OUTPUT-6); commit. On any
    /// failure the transaction is rolled back and the exception rethrown, so the caller can split the batch.
    /// Cancellation rolls back too.
    /// </summary>
    Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Failure rows, in a transaction of their own, each only if its application has no log row yet (under
    /// <see cref="Fleet.ClaimContext.RetryFailed"/>: or a failed one, which it replaces). Returns the app_ids written;
    /// the others were logged elsewhere first and must never be reported failed.
    /// </summary>
    Task<IReadOnlyCollection<long>> WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Set when the run claims chunks: every transaction first checks the fence of the leases its entries carry
    /// (<see cref="Fleet.LeaseLostException"/> when one was taken over, and nothing is written).
    /// </summary>
    Fleet.ClaimContext? Claims { get; set; }
}

/// <summary>Where one batch's time went (for metrics): executing the inserts, and the commit.</summary>
public readonly record struct BatchWriteTimings(TimeSpan Insert, TimeSpan Commit, long RowsWritten)
{
    /// <summary>Applications of the batch that already had their processing_log row (completed by another instance): nothing of theirs was written.</summary>
    public int DoneElsewhere { get; init; }
}

/// <summary>Result of <see cref="ITargetDatabase.LoadSourceAsync"/>.</summary>
public readonly record struct SourceLoadResult(int Inserted, int Replaced, int Skipped);

public enum WriteFailureKind
{
    /// <summary>Key, foreign-key, NOT NULL or CHECK violation (also a trigger's abort): stage <c>constraint_violation</c>.</summary>
    ConstraintViolation,
    /// <summary>Another error caused by this application's data (value too big, type mismatch): stage <c>database</c>.</summary>
    Database,
    /// <summary>Not the application's fault: stop the run, log nothing for it.</summary>
    Fatal,
    /// <summary>
    /// Not the application's fault and likely to pass (connection lost, server restarting, deadlock, serialization
    /// failure, busy): the whole batch transaction is sent again after a backoff; if the fault outlasts the retry
    /// time it stops the run as <see cref="Fatal"/> does.
    /// </summary>
    Transient,
}

internal static class WriteFailureKinds
{
    /// <summary>The processing_log stage for a failure kind; null for <see cref="WriteFailureKind.Fatal"/>.</summary>
    public static string? Stage(this WriteFailureKind kind) => kind switch
    {
        WriteFailureKind.ConstraintViolation => "constraint_violation",
        WriteFailureKind.Database => "database",
        _ => null,
    };
}

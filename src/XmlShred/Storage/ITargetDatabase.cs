using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// One database dialect (SQLite, PostgreSQL, SQL Server): its DDL, its source reader and its batch writer.
/// The pipeline only talks to this seam.
/// </summary>
public interface ITargetDatabase : IAsyncDisposable
{
    string Dialect { get; }

    /// <summary>The DDL that creates target tables, processing_log and the source table (idempotent statements).</summary>
    IReadOnlyList<string> SchemaDdl(CompiledContract contract);

    /// <summary>Creates whatever is missing; running it twice changes nothing.</summary>
    Task EnsureSchemaAsync(CompiledContract contract, CancellationToken cancellationToken);

    /// <summary>Keyset-paged pages of source rows whose app_id has no processing_log row yet.</summary>
    IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(CompiledContract contract, SourceSelection selection, int pageSize, CancellationToken cancellationToken);

    Task<IBatchWriter> OpenWriterAsync(CompiledContract contract, CancellationToken cancellationToken);
}

/// <summary>Writes batches of applications, each batch in one transaction.</summary>
public interface IBatchWriter : IAsyncDisposable
{
    /// <summary>
    /// One transaction: every table in write order (insert-if-absent / upsert per §11.6), then each application's
    /// processing_log row; commit. On any failure the transaction is rolled back and the exception rethrown,
    /// so the caller can split the batch. Cancellation rolls back too.
    /// </summary>
    Task WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken);

    /// <summary>Failure rows, in a transaction of their own.</summary>
    Task WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken);
}

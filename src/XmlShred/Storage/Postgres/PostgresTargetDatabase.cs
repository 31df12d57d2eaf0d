using Npgsql;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>PostgreSQL target: DDL, keyset source reader and a binary-COPY batch writer over one data source.</summary>
public sealed class PostgresTargetDatabase : ITargetDatabase, ITargetReset
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly KeysetSourceReader _source;

    public PostgresTargetDatabase(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(PostgresConnectionString.Parse(connectionString).ConnectionString);
        DisplayName = PostgresConnectionString.Redact(connectionString);
        _source = new KeysetSourceReader(PostgresDialect.Instance, async ct => await _dataSource.OpenConnectionAsync(ct));
    }

    public string Dialect => "postgresql";

    /// <summary>For logs: the password is never printed.</summary>
    public string DisplayName { get; }

    public IReadOnlyList<string> SchemaDdl(CompiledContract contract) => PostgresDdl.For(contract);

    public async Task EnsureSchemaAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two processes creating the same schema at once would race on the catalog: serialise them.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext(@schema))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("schema", contract.TargetSchema);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var statement in PostgresDdl.For(contract))
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(
        CompiledContract contract, SourceSelection selection, int pageSize, CancellationToken cancellationToken) =>
        _source.ReadPendingPagesAsync(contract, selection, pageSize, cancellationToken);

    public Task<long> CountPendingAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) =>
        _source.CountPendingAsync(contract, selection, cancellationToken);

    public Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken) =>
        PostgresSourceLoader.LoadAsync(_dataSource, contract, documents, replace, cancellationToken);

    public WriteFailureKind ClassifyFailure(Exception exception) => PostgresFailures.Classify(exception);

    public async Task<IBatchWriter> OpenWriterAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        var writer = new PostgresBatchWriter(_dataSource, contract);
        await writer.ConnectAsync(cancellationToken);
        return writer;
    }

    public async Task ResetAsync(CompiledContract contract, bool includeSource, CancellationToken cancellationToken)
    {
        var tables = contract.Tables.Select(t => t.Name).Append(contract.ProcessingLogTable);
        if (includeSource) tables = tables.Append(contract.SourceTable);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"TRUNCATE {string.Join(", ", tables.Select(t => PostgresDialect.Instance.Qualified(contract.TargetSchema, t)))} RESTART IDENTITY", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

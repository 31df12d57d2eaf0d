using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>PostgreSQL target: DDL, keyset source reader and a binary-COPY batch writer over one data source.</summary>
public sealed class PostgresTargetDatabase : ITargetDatabase
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresTargetDatabase(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(PostgresConnectionString.Parse(connectionString).ConnectionString);
        DisplayName = PostgresConnectionString.Redact(connectionString);
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

    public async IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(
        CompiledContract contract, SourceSelection selection, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var sql = PostgresSourceQuery.Page(contract, selection);
        var last = long.MinValue;
        var remaining = selection.Limit ?? long.MaxValue;
        while (remaining > 0)
        {
            var page = new List<SourceDocument>();
            // A connection per page: the pipeline may take a while between pages, and the pool keeps it cheap.
            await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
            await using (var command = new NpgsqlCommand(sql, connection))
            {
                command.Parameters.Add(new NpgsqlParameter<long>("last", NpgsqlDbType.Bigint) { TypedValue = last });
                command.Parameters.Add(new NpgsqlParameter<long>("page", NpgsqlDbType.Bigint) { TypedValue = Math.Min(pageSize, remaining) });
                PostgresSourceQuery.Bind(command, selection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(new SourceDocument(reader.GetInt64(0), reader.GetString(1)));
                }
            }
            if (page.Count == 0) yield break;
            last = page[^1].AppId;
            remaining -= page.Count;
            yield return page;
            if (page.Count < pageSize) yield break;
        }
    }

    public async Task<long> CountPendingAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PostgresSourceQuery.Count(contract, selection), connection);
        PostgresSourceQuery.Bind(command, selection);
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return selection.Limit is { } limit ? Math.Min(limit, count) : count;
    }

    public async Task<long> CountNullXmlAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PostgresSourceQuery.NullXmlCount(contract, selection), connection);
        PostgresSourceQuery.Bind(command, selection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken) =>
        PostgresSourceLoader.LoadAsync(_dataSource, contract, documents, replace, cancellationToken);

    public WriteFailureKind ClassifyFailure(Exception exception) => PostgresFailures.Classify(exception);

    public async Task<IBatchWriter> OpenWriterAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        var writer = new PostgresBatchWriter(_dataSource, contract);
        await writer.ConnectAsync(cancellationToken);
        return writer;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

using Microsoft.Data.SqlClient;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>SQL Server target: T-SQL DDL, keyset source reader and a SqlBulkCopy batch writer.</summary>
public sealed class SqlServerTargetDatabase : ITargetDatabase, ITargetReset
{
    private readonly string _connectionString;
    private readonly KeysetSourceReader _source;

    public SqlServerTargetDatabase(string connectionString)
    {
        _connectionString = SqlServerConnectionString.Parse(connectionString).ConnectionString;
        DisplayName = SqlServerConnectionString.Redact(connectionString);
        _source = new KeysetSourceReader(SqlServerDialect.Instance, async ct => await OpenAsync(ct));
    }

    public string Dialect => "sqlserver";

    /// <summary>For logs: the password is never printed.</summary>
    public string DisplayName { get; }

    public IReadOnlyList<string> SchemaDdl(CompiledContract contract) => SqlServerDdl.For(contract);

    public async Task EnsureSchemaAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Serialise concurrent processes creating the same schema.
        await using (var lockCommand = new SqlCommand("EXEC sp_getapplock @Resource = @r, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("@r", "xmlshred:" + contract.TargetSchema);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var statement in SqlServerDdl.For(contract))
        {
            await using var command = new SqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(
        CompiledContract contract, SourceSelection selection, int pageSize, CancellationToken cancellationToken) =>
        _source.ReadPendingPagesAsync(contract, selection, pageSize, cancellationToken);

    public Task<long> CountPendingAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) =>
        _source.CountPendingAsync(contract, selection, cancellationToken);

    public async Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqlServerSourceLoader.LoadAsync(connection, contract, documents, replace, cancellationToken);
    }

    public WriteFailureKind ClassifyFailure(Exception exception) => SqlServerFailures.Classify(exception);

    public async Task<IBatchWriter> OpenWriterAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        var writer = new SqlServerBatchWriter(OpenAsync, contract);
        await writer.ConnectAsync(cancellationToken);
        return writer;
    }

    private async Task<SqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>DELETE children first (TRUNCATE is refused on tables that foreign keys reference).</summary>
    public async Task ResetAsync(CompiledContract contract, bool includeSource, CancellationToken cancellationToken)
    {
        var tables = contract.Tables.Select(t => t.Name).Reverse().Append(contract.ProcessingLogTable);
        if (includeSource) tables = tables.Append(contract.SourceTable);
        await using var connection = await OpenAsync(cancellationToken);
        var sql = string.Join(";\n", tables.Select(t => $"DELETE FROM {SqlServerDialect.Instance.Qualified(contract.TargetSchema, t)}"));
        await using var command = new SqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>SQL Server target: T-SQL DDL, keyset source reader and a SqlBulkCopy batch writer.</summary>
public sealed class SqlServerTargetDatabase : ITargetDatabase
{
    private readonly string _connectionString;

    public SqlServerTargetDatabase(string connectionString)
    {
        _connectionString = SqlServerConnectionString.Parse(connectionString).ConnectionString;
        DisplayName = SqlServerConnectionString.Redact(connectionString);
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

    public async IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(
        CompiledContract contract, SourceSelection selection, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var sql = SqlServerSourceQuery.Page(contract, selection);
        var last = long.MinValue;
        var remaining = selection.Limit ?? long.MaxValue;
        while (remaining > 0)
        {
            var page = new List<SourceDocument>();
            await using (var connection = await OpenAsync(cancellationToken))
            await using (var command = new SqlCommand(sql, connection))
            {
                command.CommandTimeout = 0;
                command.Parameters.Add("@last", SqlDbType.BigInt).Value = last;
                command.Parameters.Add("@page", SqlDbType.BigInt).Value = Math.Min(pageSize, remaining);
                SqlServerSourceQuery.Bind(command, selection);
                // SequentialAccess streams large XML values instead of buffering whole rows.
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var appId = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
                    using var text = reader.GetTextReader(1);
                    page.Add(new SourceDocument(appId, await text.ReadToEndAsync(cancellationToken)));
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
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new SqlCommand(SqlServerSourceQuery.Count(contract, selection), connection) { CommandTimeout = 0 };
        SqlServerSourceQuery.Bind(command, selection);
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return selection.Limit is { } limit ? Math.Min(limit, count) : count;
    }

    public async Task<long> CountNullXmlAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new SqlCommand(SqlServerSourceQuery.NullXmlCount(contract, selection), connection) { CommandTimeout = 0 };
        SqlServerSourceQuery.Bind(command, selection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

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

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

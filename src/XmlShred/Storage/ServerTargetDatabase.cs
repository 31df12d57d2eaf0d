using System.Data.Common;
using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// What the server targets (PostgreSQL, SQL Server) share: schema creation under a lock, the keyset source reader
/// and the writer's connection. A dialect adds its connection, source loader, failure classes and writer.
/// </summary>
internal abstract class ServerTargetDatabase : ITargetDatabase, IProcessingLogLookup
{
    private readonly KeysetSourceReader _source;

    protected ServerTargetDatabase(IServerDialect dialect, string displayName)
    {
        ServerDialect = dialect;
        DisplayName = displayName;
        _source = new KeysetSourceReader(dialect, OpenConnectionAsync);
    }

    protected IServerDialect ServerDialect { get; }

    public abstract string Dialect { get; }

    /// <summary>For logs: the password is never printed.</summary>
    public string DisplayName { get; }

    /// <summary>Opens a new connection (from the provider's pool).</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    protected abstract ServerBatchWriter CreateWriter(CompiledContract contract);

    public abstract Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken);

    public abstract WriteFailureKind ClassifyFailure(Exception exception);

    /// <summary>The claim table's SQL for this engine (the tables come with <see cref="SchemaDdl"/>).</summary>
    public abstract Fleet.ClaimDialect ClaimDialect(CompiledContract contract);

    /// <summary>The target schema, then the claim tables that let any number of runs share the database.</summary>
    public IReadOnlyList<string> SchemaDdl(CompiledContract contract) => [.. ServerDdl.For(ServerDialect, contract), .. ClaimDialect(contract).Ddl()];

    public Fleet.ClaimStore OpenClaims(CompiledContract contract, Fleet.FleetOptions options, Fleet.LeaseOwner owner) =>
        new(ClaimDialect(contract), options, owner, OpenConnectionAsync);

    public async Task EnsureSchemaAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (lockSql, lockValue) = ServerDialect.SchemaLock(contract.TargetSchema);
        await using (var lockCommand = Command(connection, transaction, lockSql))
        {
            var parameter = lockCommand.CreateParameter();
            parameter.ParameterName = "@lock";
            parameter.Value = lockValue;
            lockCommand.Parameters.Add(parameter);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var statement in SchemaDdl(contract))
        {
            await using var command = Command(connection, transaction, statement);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(
        CompiledContract contract, SourceSelection selection, int pageSize, ISourceAdmission? admission, CancellationToken cancellationToken) =>
        _source.ReadPendingPagesAsync(contract, selection, pageSize, admission, cancellationToken);

    public Task<long> CountPendingAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) =>
        _source.CountPendingAsync(contract, selection, cancellationToken);

    public Task<long> CountNullXmlAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) =>
        _source.CountNullXmlAsync(contract, selection, cancellationToken);

    public Task<IReadOnlySet<long>> LoggedAppIdsAsync(CompiledContract contract, IReadOnlyCollection<long> appIds, CancellationToken cancellationToken) =>
        _source.LoggedAppIdsAsync(contract, appIds, cancellationToken);

    public async Task<IBatchWriter> OpenWriterAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        var writer = CreateWriter(contract);
        await writer.ConnectAsync(cancellationToken);
        return writer;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

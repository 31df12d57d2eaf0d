using Microsoft.Data.Sqlite;
using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage.Sqlite;

/// <summary>A SQLite file as the target (and source) database.</summary>
public sealed class SqliteTargetDatabase : ITargetDatabase, IProcessingLogLookup
{
    private readonly string _connectionString;
    private readonly KeysetSourceReader _source;

    public SqliteTargetDatabase(string connectionString)
    {
        _connectionString = connectionString;
        _source = new KeysetSourceReader(SqliteDialect.Instance, _ => Task.FromResult<System.Data.Common.DbConnection>(SqliteConnections.Open(_connectionString)));
    }

    public string Dialect => "sqlite";

    public string DisplayName
    {
        get
        {
            var builder = new SqliteConnectionStringBuilder(_connectionString);
            if (!string.IsNullOrEmpty(builder.Password)) builder.Password = "***";
            return builder.ToString();
        }
    }

    /// <summary>A bare path becomes <c>Data Source=path</c>; a connection string is kept as given.</summary>
    public static string NormalizeConnectionString(string value)
    {
        var text = value.Trim();
        if (text.Contains('=', StringComparison.Ordinal)) return new SqliteConnectionStringBuilder(text).ToString();
        return new SqliteConnectionStringBuilder { DataSource = text }.ToString();
    }

    /// <summary>The target schema, then the claim tables that let any number of runs share the database.</summary>
    public IReadOnlyList<string> SchemaDdl(CompiledContract contract) => [.. SqliteSchema.Ddl(contract), .. new Fleet.SqliteClaimDialect(contract).Ddl()];

    public Fleet.ClaimStore OpenClaims(CompiledContract contract, Fleet.FleetOptions options, Fleet.LeaseOwner owner) =>
        new(new Fleet.SqliteClaimDialect(contract), options, owner, _ => Task.FromResult<System.Data.Common.DbConnection>(SqliteConnections.Open(_connectionString)));

    public Task EnsureSchemaAsync(CompiledContract contract, CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var transaction = connection.BeginTransaction();
        foreach (var statement in SchemaDdl(contract))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(CompiledContract contract, SourceSelection selection, int pageSize,
        ISourceAdmission? admission, CancellationToken cancellationToken) => _source.ReadPendingPagesAsync(contract, selection, pageSize, admission, cancellationToken);

    public Task<long> CountPendingAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) =>
        _source.CountPendingAsync(contract, selection, cancellationToken);

    public Task<long> CountNullXmlAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) =>
        _source.CountNullXmlAsync(contract, selection, cancellationToken);

    public Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.Open(_connectionString);
        using var transaction = connection.BeginTransaction();
        using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = $"SELECT 1 FROM {SqliteSchema.Q(contract.SourceTable)} WHERE \"app_id\" = $id";
        var existsId = exists.Parameters.Add("$id", SqliteType.Integer);
        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        var column = SqliteSchema.Q(contract.SourceColumn);
        upsert.CommandText = $"INSERT INTO {SqliteSchema.Q(contract.SourceTable)} (\"app_id\", {column}) VALUES ($id, $xml) "
            + (replace ? $"ON CONFLICT (\"app_id\") DO UPDATE SET {column} = excluded.{column}" : "ON CONFLICT (\"app_id\") DO NOTHING");
        var id = upsert.Parameters.Add("$id", SqliteType.Integer);
        var xml = upsert.Parameters.Add("$xml", SqliteType.Text);
        int inserted = 0, replaced = 0, skipped = 0;
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // without --replace the insert itself says whether the id was new (DO NOTHING changes no row)
            existsId.Value = document.AppId;
            var existed = replace && exists.ExecuteScalar() is not null;
            id.Value = document.AppId;
            xml.Value = document.Xml;
            if (upsert.ExecuteNonQuery() == 0) existed = true;
            if (!existed) inserted++;
            else if (replace) replaced++;
            else skipped++;
        }
        transaction.Commit();
        return Task.FromResult(new SourceLoadResult(inserted, replaced, skipped));
    }

    public Task<IBatchWriter> OpenWriterAsync(CompiledContract contract, CancellationToken cancellationToken) =>
        Task.FromResult<IBatchWriter>(new SqliteBatchWriter(SqliteConnections.Open(_connectionString), contract));

    /// <summary>
    /// SQLITE_CONSTRAINT (19, also raised by a trigger's RAISE(ABORT)) → constraint_violation; TOOBIG, MISMATCH and
    /// RANGE are about the values of this application → database; BUSY (5) and LOCKED (6), left after the 30 s busy
    /// timeout because another process holds the write lock, → retry the batch; everything else (FULL, IOERR,
    /// READONLY, a missing table or column…) is about the database, so the run stops and the application is retried later.
    /// </summary>
    public WriteFailureKind ClassifyFailure(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => WriteFailureKind.Transient,
        SqliteException { SqliteErrorCode: 19 } => WriteFailureKind.ConstraintViolation,
        SqliteException { SqliteErrorCode: 18 or 20 or 25 } => WriteFailureKind.Database,
        ValueConversionException or InvalidCastException or FormatException or OverflowException => WriteFailureKind.Database,
        _ => WriteFailureKind.Fatal,
    };

    public Task<IReadOnlySet<long>> LoggedAppIdsAsync(CompiledContract contract, IReadOnlyCollection<long> appIds, CancellationToken cancellationToken) =>
        _source.LoggedAppIdsAsync(contract, appIds, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using System.Data.Common;
using Npgsql;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>PostgreSQL target: the shared server target over one Npgsql data source, with binary COPY writes.</summary>
internal sealed class PostgresTargetDatabase : ServerTargetDatabase
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresTargetDatabase(string connectionString) : base(PostgresDialect.Instance, PostgresConnectionString.Format.Redact(connectionString))
    {
        _dataSource = NpgsqlDataSource.Create(PostgresConnectionString.Format.Parse(connectionString).ConnectionString);
    }

    public override string Dialect => "postgresql";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    public override Fleet.ClaimDialect ClaimDialect(CompiledContract contract) => new Fleet.PostgresClaimDialect(contract);

    protected override ServerBatchWriter CreateWriter(CompiledContract contract) => new PostgresBatchWriter(_dataSource, contract);

    public override Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken) =>
        PostgresSourceLoader.LoadAsync(_dataSource, contract, documents, replace, cancellationToken);

    public override WriteFailureKind ClassifyFailure(Exception exception) => PostgresFailures.Classify(exception);

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}

using System.Data.Common;
using Microsoft.Data.SqlClient;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>SQL Server target: the shared server target over SqlClient's pool, with SqlBulkCopy writes.</summary>
internal sealed class SqlServerTargetDatabase : ServerTargetDatabase
{
    private readonly string _connectionString;

    public SqlServerTargetDatabase(string connectionString) : base(SqlServerDialect.Instance, SqlServerConnectionString.Format.Redact(connectionString))
    {
        _connectionString = SqlServerConnectionString.Format.Parse(connectionString).ConnectionString;
    }

    public override string Dialect => "sqlserver";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    public override Fleet.ClaimDialect ClaimDialect(CompiledContract contract) => new Fleet.SqlServerClaimDialect(contract);

    protected override ServerBatchWriter CreateWriter(CompiledContract contract) => new SqlServerBatchWriter(OpenAsync, contract);

    public override async Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqlServerSourceLoader.LoadAsync(connection, contract, documents, replace, cancellationToken);
    }

    public override WriteFailureKind ClassifyFailure(Exception exception) => SqlServerFailures.Classify(exception);

    private async Task<SqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

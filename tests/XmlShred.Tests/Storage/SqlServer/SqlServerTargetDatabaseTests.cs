using System.Data.Common;
using Microsoft.Data.SqlClient;
using XmlShred.Storage;
using XmlShred.Storage.SqlServer;
using XmlShred.Tests.Storage;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>
/// The target conformance suite against a real SQL Server: the one XMLSHRED_SQLSERVER names (a database where the
/// login may create schemas; each test uses a fresh schema), else a Docker container (<see cref="SqlServerInstance"/>).
/// Skipped with the reason when there is neither.
/// </summary>
public sealed class SqlServerTargetDatabaseTests : TargetDatabaseConformanceTests
{
    public const string EnvironmentVariable = SqlServerInstance.EnvironmentVariable;

    private static string ConnectionString() => SqlServerInstance.ConnectionString();

    protected override Task<ITargetDatabase> CreateDatabaseAsync() => Task.FromResult<ITargetDatabase>(new SqlServerTargetDatabase(ConnectionString()));

    protected override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new SqlConnection(SqlServerConnectionString.Format.Parse(ConnectionString()).ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    protected override string SetDefaultSql(string qualifiedTable, string column, int value) => $"ALTER TABLE {qualifiedTable} ADD DEFAULT {value} FOR [{column}]";

    protected override string Quote(string identifier) => "[" + identifier + "]";
}

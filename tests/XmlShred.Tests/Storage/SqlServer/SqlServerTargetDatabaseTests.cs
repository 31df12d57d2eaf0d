using System.Data.Common;
using Microsoft.Data.SqlClient;
using XmlShred.Storage;
using XmlShred.Storage.SqlServer;
using XmlShred.Tests.Storage;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>
/// The target conformance suite against a real SQL Server, when XMLSHRED_SQLSERVER holds a connection string
/// (a database where the login may create schemas; each test uses a fresh schema). Skipped otherwise.
/// </summary>
public sealed class SqlServerTargetDatabaseTests : TargetDatabaseConformanceTests
{
    public const string EnvironmentVariable = "XMLSHRED_SQLSERVER";

    private static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(value), $"{EnvironmentVariable} is not set: SQL Server integration tests skipped (see docs/sqlserver.md).");
        return value!;
    }

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

using DotNet.Testcontainers.Builders;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>
/// The SQL Server the integration suites run against: the one XMLSHRED_SQLSERVER names, else a throw-away
/// SQL Server 2022 container (Testcontainers.MsSql) started once per test run wherever a Docker engine is reachable.
/// With neither, every SQL Server integration test skips and says why.
/// </summary>
internal static class SqlServerInstance
{
    public const string EnvironmentVariable = "XMLSHRED_SQLSERVER";
    public const string Image = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";
    private const string Database = "xmlshred_test";

    private static readonly Lazy<Task<(string? Connection, string? SkipReason)>> s_server = new(ResolveAsync);

    /// <summary>A connection string to a database where the login may create schemas and databases; skips the test when there is no server.</summary>
    public static string ConnectionString()
    {
        var (connection, reason) = s_server.Value.GetAwaiter().GetResult();
        Assert.SkipWhen(connection is null, reason ?? "no SQL Server");
        return connection!;
    }

    private static async Task<(string?, string?)> ResolveAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);
        MsSqlContainer container;
        try
        {
            container = new MsSqlBuilder(Image).Build();
        }
        catch (DockerUnavailableException ex)
        {
            return (null, $"{EnvironmentVariable} is not set and there is no Docker engine for a SQL Server container ({FirstLine(ex.Message)}): "
                + "SQL Server integration tests skipped (see docs/sqlserver.md).");
        }
        // Testcontainers' reaper removes the container when the test process ends.
        await container.StartAsync().ConfigureAwait(false);
        var master = container.GetConnectionString();
        await using (var connection = new SqlConnection(master))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new SqlCommand($"IF DB_ID(N'{Database}') IS NULL CREATE DATABASE [{Database}]", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        return (new SqlConnectionStringBuilder(master) { InitialCatalog = Database, TrustServerCertificate = true }.ConnectionString, null);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

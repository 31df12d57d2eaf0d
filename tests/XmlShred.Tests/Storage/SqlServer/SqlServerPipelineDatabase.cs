using System.Data.Common;
using Microsoft.Data.SqlClient;
using XmlShred.Storage.SqlServer;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>
/// A database of its own on the SQL Server of <see cref="SqlServerInstance"/> (XMLSHRED_SQLSERVER or a Docker
/// container), for one pipeline test (skipped with the reason when there is none).
/// SQL Server has no per-connection search path, so the contract schema's tables get dbo synonyms before each query:
/// the shared test queries name tables unqualified. Values are read back as SQLite returns them.
/// </summary>
public sealed class SqlServerPipelineDatabase : ServerPipelineDatabase
{
    private readonly string _server;
    private readonly string _name = "xs_" + Guid.NewGuid().ToString("N")[..16];
    private bool _created;

    public SqlServerPipelineDatabase(string schema) : base(schema) =>
        _server = SqlServerConnectionString.Format.Parse(SqlServerInstance.ConnectionString()).ConnectionString;

    public override string Connection
    {
        get
        {
            if (!_created)
            {
                Task.Run(() => ExecuteOnServerAsync($"CREATE DATABASE [{_name}]")).GetAwaiter().GetResult();
                _created = true;
            }
            return new SqlConnectionStringBuilder(_server) { InitialCatalog = _name }.ConnectionString;
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(_server) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }

    private protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqlConnection(Connection);
        await connection.OpenAsync();
        await using var synonyms = new SqlCommand("""
            DECLARE @sql nvarchar(max) = N'';
            SELECT @sql += N'CREATE SYNONYM dbo.' + QUOTENAME(t.name) + N' FOR ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N';'
            FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE s.name = @schema AND NOT EXISTS (SELECT 1 FROM sys.synonyms y WHERE y.name = t.name AND y.schema_id = SCHEMA_ID(N'dbo'));
            EXEC (@sql);
            """, connection);
        synonyms.Parameters.AddWithValue("@schema", Schema);
        await synonyms.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>The shared queries use SQLite/PostgreSQL's substr(); T-SQL spells it SUBSTRING.</summary>
    private protected override string InDialect(string sql) => sql.Replace("substr(", "SUBSTRING(", StringComparison.OrdinalIgnoreCase);

    /// <summary>A CHECK constraint named after the poison: error 547 (constraint class) whose message names it.</summary>
    public override Task InstallPoisonAsync(string table, long appId) =>
        ExecuteAsync($"ALTER TABLE [{Schema}].[{table}] WITH NOCHECK ADD CONSTRAINT [poisoned application {appId}] CHECK (app_id <> {appId})");

    public override async Task<IReadOnlyList<string>> TableNamesAsync() =>
        (await QueryAsync($"SELECT t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name = N'{Schema}' ORDER BY t.name"))
        .Select(r => (string)r[0]!).ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqlConnection.ClearAllPools();
        if (_created) await ExecuteOnServerAsync($"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]");
    }
}

using System.Data.Common;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// A throw-away database of its own on a server for one pipeline test; the contract's tables live in
/// <see cref="Schema"/>. The dialects differ only in how a connection is opened so that the shared test queries can
/// name tables unqualified, and in spelling.
/// </summary>
public abstract class ServerPipelineDatabase(string schema) : PipelineDatabase
{
    public string Schema { get; } = schema;

    /// <summary>An open connection on which unqualified table names resolve to <see cref="Schema"/>.</summary>
    private protected abstract Task<DbConnection> OpenAsync();

    /// <summary>The shared test SQL in this dialect's spelling.</summary>
    private protected virtual string InDialect(string sql) => sql;

    public override async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = InDialect(sql);
        return await DbRows.ReadAsync(command, DbRows.AsSqlite);
    }

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = InDialect(sql);
        await command.ExecuteNonQueryAsync();
    }
}

using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;
using XmlShred.Contract;
using XmlShred.Storage;
using XmlShred.Storage.Postgres;
using XmlShred.Storage.Sqlite;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Fleet;

/// <summary>Opens a <see cref="ClaimStore"/> for a <c>--db</c> value, with the same dialect detection as the target database.</summary>
public static class ClaimStores
{
    public static ClaimDialect DialectFor(TargetDialect dialect, CompiledContract contract) => dialect switch
    {
        TargetDialect.PostgreSql => new PostgresClaimDialect(contract),
        TargetDialect.SqlServer => new SqlServerClaimDialect(contract),
        _ => new SqliteClaimDialect(contract),
    };

    public static ClaimStore Open(string connection, CompiledContract contract, FleetOptions options, LeaseOwner owner)
    {
        var dialect = TargetDatabaseFactory.DetectDialect(connection);
        var sql = DialectFor(dialect, contract);
        switch (dialect)
        {
            case TargetDialect.PostgreSql:
            {
                var source = NpgsqlDataSource.Create(PostgresConnectionString.Format.Parse(connection.Trim()).ConnectionString);
                return new ClaimStore(sql, options, owner, async ct => await source.OpenConnectionAsync(ct).ConfigureAwait(false), source.DisposeAsync);
            }
            case TargetDialect.SqlServer:
            {
                var text = SqlServerConnectionString.Format.Parse(connection.Trim()).ConnectionString;
                return new ClaimStore(sql, options, owner, async ct =>
                {
                    var c = new SqlConnection(text);
                    await c.OpenAsync(ct).ConfigureAwait(false);
                    return c;
                });
            }
            default:
            {
                var text = SqliteTargetDatabase.NormalizeConnectionString(connection);
                return new ClaimStore(sql, options, owner, ct => Task.FromResult<DbConnection>(SqliteConnections.Open(text)));
            }
        }
    }
}

using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using XmlShred.Storage;
using XmlShred.Storage.Postgres;
using XmlShred.Storage.SqlServer;
using XmlShred.Storage.Sqlite;

namespace XmlShred.Tests.Faults;

/// <summary>
/// Which faults each dialect calls transient (the batch is sent again) and which stay data errors (bisection) or
/// fatal (the run stops). Real provider exceptions where one can be provoked here, constructed ones otherwise.
/// </summary>
public sealed class TransientClassificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WriteFailureKind Postgres(Exception e) => PostgresFailures.Classify(e);
    private static WriteFailureKind SqlServer(Exception e) => SqlServerFailures.Classify(e);
    private static WriteFailureKind Sqlite(Exception e) => new SqliteTargetDatabase("Data Source=:memory:").ClassifyFailure(e);

    private static PostgresException Pg(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData("57P01")] // admin_shutdown: the server is stopping or restarting
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: starting up
    [InlineData("40001")] // serialization_failure
    [InlineData("40P01")] // deadlock_detected
    [InlineData("08006")] // connection_failure
    [InlineData("08001")]
    [InlineData("53300")] // too_many_connections
    [InlineData("55P03")] // lock_not_available
    public void Postgres_ServerSideTransientStates_AreRetried(string sqlState) => Assert.Equal(WriteFailureKind.Transient, Postgres(Pg(sqlState)));

    [Theory]
    [InlineData("23505", WriteFailureKind.ConstraintViolation)]
    [InlineData("23503", WriteFailureKind.ConstraintViolation)]
    [InlineData("23514", WriteFailureKind.ConstraintViolation)]
    [InlineData("22001", WriteFailureKind.Database)]
    [InlineData("22003", WriteFailureKind.Database)]
    [InlineData("42P01", WriteFailureKind.Fatal)] // missing table: retrying cannot help
    [InlineData("42501", WriteFailureKind.Fatal)] // permission denied
    public void Postgres_DataAndSchemaErrors_AreNotRetried(string sqlState, WriteFailureKind expected) => Assert.Equal(expected, Postgres(Pg(sqlState)));

    [Fact]
    public void Postgres_BrokenStream_IsRetried_ButAPlainClientError_IsNot()
    {
        Assert.Equal(WriteFailureKind.Transient, Postgres(new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer"))));
        Assert.Equal(WriteFailureKind.Transient, Postgres(new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(WriteFailureKind.Fatal, Postgres(new NpgsqlException("The operation is not valid")));
        Assert.Equal(WriteFailureKind.Fatal, Postgres(new InvalidOperationException("Connection is not open")));
    }

    [Fact]
    public async Task Postgres_RealRefusedConnection_IsTransient()
    {
        // A port nothing listens on: Npgsql's own exception for a server that is down.
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=x;Timeout=5;Pooling=false");
        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync(Ct));
        Assert.Equal(WriteFailureKind.Transient, Postgres(error));
    }

    [Theory]
    [InlineData(5)] // SQLITE_BUSY
    [InlineData(6)] // SQLITE_LOCKED
    public void Sqlite_BusyAndLocked_AreRetried(int code) => Assert.Equal(WriteFailureKind.Transient, Sqlite(new SqliteException("busy", code)));

    [Theory]
    [InlineData(19, WriteFailureKind.ConstraintViolation)]
    [InlineData(18, WriteFailureKind.Database)]
    [InlineData(1, WriteFailureKind.Fatal)]   // SQLITE_ERROR: no such table, syntax
    [InlineData(13, WriteFailureKind.Fatal)]  // SQLITE_FULL
    [InlineData(8, WriteFailureKind.Fatal)]   // SQLITE_READONLY
    public void Sqlite_OtherCodes_AreNotRetried(int code, WriteFailureKind expected) => Assert.Equal(expected, Sqlite(new SqliteException("x", code)));

    [Fact]
    public void Sqlite_RealBusyError_FromAnotherWriter_IsTransient()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("xmlshred-busy-").FullName, "busy.db");
        using var holder = new SqliteConnection($"Data Source={path};Pooling=false");
        holder.Open();
        using (var create = holder.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER)";
            create.ExecuteNonQuery();
        }
        using var write = holder.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false); // BEGIN IMMEDIATE: holds the write lock
        using var other = new SqliteConnection($"Data Source={path};Pooling=false;Default Timeout=1");
        other.Open();
        using var insert = other.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES (1)";
        insert.CommandTimeout = 1; // Microsoft.Data.Sqlite retries BUSY until the command timeout (0 would wait forever)
        var error = Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());
        Assert.Equal(5, error.SqliteErrorCode);
        Assert.Equal(WriteFailureKind.Transient, Sqlite(error));
    }

    [Theory]
    [InlineData(1205)]  // deadlock victim
    [InlineData(1222)]  // lock request timeout
    [InlineData(40613)] // Azure: database not currently available (failover)
    [InlineData(40501)] // Azure: service busy
    [InlineData(4060)]  // cannot open database (restarting)
    [InlineData(233)]   // no process on the other end of the pipe
    [InlineData(10054)] // connection reset by peer
    [InlineData(10053)] // connection aborted
    [InlineData(64)]    // network name no longer available
    public void SqlServer_TransientNumbers_AreRetried(int number) => Assert.Equal(WriteFailureKind.Transient, SqlServer(SqlClientErrors.Exception(number)));

    [Theory]
    [InlineData(2627, WriteFailureKind.ConstraintViolation)]
    [InlineData(547, WriteFailureKind.ConstraintViolation)]
    [InlineData(8152, WriteFailureKind.Database)]
    [InlineData(208, WriteFailureKind.Fatal)] // invalid object name
    [InlineData(229, WriteFailureKind.Fatal)] // permission denied
    public void SqlServer_DataAndSchemaErrors_AreNotRetried(int number, WriteFailureKind expected) => Assert.Equal(expected, SqlServer(SqlClientErrors.Exception(number)));

    [Fact]
    public void SqlServer_ATransientErrorAnywhereInTheList_MakesTheFaultTransient()
    {
        // SqlException.Number is the first error's; a deadlock reported second must still count.
        var exception = SqlClientErrors.Exception(3621, 1205);
        Assert.Equal(3621, exception.Number);
        Assert.Equal(WriteFailureKind.Transient, SqlServer(exception));
    }

    [Fact]
    public void SqlServer_TransientList_StartsFromSqlClientsBaseline()
    {
        Assert.Superset(new HashSet<int>(Microsoft.Data.SqlClient.SqlConfigurableRetryFactory.BaselineTransientErrors), SqlServerFailures.TransientNumbers);
    }
}

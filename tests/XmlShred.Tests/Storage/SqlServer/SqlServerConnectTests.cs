using System.Net;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using XmlShred.Cli.Commands;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Tests.Cli;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>
/// The SQL Server client reaches the network: against a port where nothing listens it fails with SqlClient's network
/// error, never with a configuration refusal such as "Globalization Invariant Mode is not supported".
/// </summary>
public sealed class SqlServerConnectTests
{
    /// <summary>A local port that was free a moment ago: bound, then released, so connecting is refused.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string ClosedServer() =>
        $"Server=127.0.0.1,{ClosedPort()};Database=x;User ID=sa;Password=N0t-Used-Secret;Encrypt=false;Connect Timeout=5;ConnectRetryCount=0";

    [Fact]
    public void TheProcessIsNotInInvariantGlobalizationMode()
    {
        Assert.False(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant);
        Assert.Equal("en-US", System.Globalization.CultureInfo.GetCultureInfo("en-US").Name);
    }

    [Fact]
    public async Task ClosedPort_GivesANetworkError_FromTheRealConnectPath()
    {
        await using var database = TargetDatabaseFactory.Open(ClosedServer());

        var error = await Assert.ThrowsAsync<SqlException>(() => database.EnsureSchemaAsync(TinyContract.Compiled, TestContext.Current.CancellationToken));

        Assert.Contains("network", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Globalization", error.Message);
    }

    [Fact]
    public void ClosedPort_ThroughTheCli_IsAnUnexpectedError_NamingSqlException_WithoutThePassword()
    {
        var contract = Path.Combine(Directory.CreateTempSubdirectory("xmlshred-mssql-").FullName, "tiny.json");
        File.WriteAllText(contract, TinyContract.Json);

        var (exit, _, error) = CliRunner.Run("init", "--db", ClosedServer(), "-c", contract);

        Assert.Equal(ExitCodes.UnexpectedError, exit);
        Assert.Contains("SqlException", error);
        Assert.DoesNotContain("Globalization", error);
        Assert.DoesNotContain("N0t-Used-Secret", error);
    }
}

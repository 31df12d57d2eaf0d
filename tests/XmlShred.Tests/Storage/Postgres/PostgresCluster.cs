using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(XmlShred.Tests.Storage.Postgres.PostgresCluster))]

namespace XmlShred.Tests.Storage.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster for the test run, started on first use: initdb + pg_ctl from
/// /usr/lib/postgresql/*/bin on a free 127.0.0.1 port, durability switched off. initdb refuses root, so as root it
/// runs as the <c>postgres</c> user on a data directory that user owns. XMLSHRED_TEST_PG (a connection string to a
/// server where we may create databases) replaces the local cluster. Without either, tests skip.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string EnvironmentVariable = "XMLSHRED_TEST_PG";
    private const string RunAsUser = "postgres";
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new();
    private string? _adminConnectionString;
    private string? _skipReason;
    private string? _root;
    private string? _binDir;
    private bool _started;
    private string? _serverOptions;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A database of its own for <paramref name="owner"/> (one per test class), created once; skips when no PostgreSQL is available.</summary>
    public async Task<string> DatabaseAsync(string owner)
    {
        var admin = await AdminConnectionStringAsync();
        var name = DatabaseName(owner);
        return await _databases.GetOrAdd(name, n => new Lazy<Task<string>>(() => CreateDatabaseAsync(admin, n))).Value;
    }

    /// <summary>Drops a database made by <see cref="DatabaseAsync"/> (per-test databases clean up after themselves).</summary>
    public async Task DropDatabaseAsync(string owner)
    {
        var name = DatabaseName(owner);
        if (_adminConnectionString is null || !_databases.TryRemove(name, out _)) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string DatabaseName(string owner)
    {
        var name = "xs_" + new string(owner.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        return name.Length > 60 ? name[..60] : name;
    }

    private static async Task<string> CreateDatabaseAsync(string admin, string name)
    {
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private async Task<string> AdminConnectionStringAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            if (_adminConnectionString is null && _skipReason is null) await StartAsync();
        }
        finally
        {
            _startLock.Release();
        }
        Assert.SkipWhen(_skipReason is not null, _skipReason ?? "");
        return _adminConnectionString!;
    }

    private async Task StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }
        _binDir = FindBinDir();
        if (_binDir is null)
        {
            _skipReason = "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (run .ci/install-postgres.sh, or set XMLSHRED_TEST_PG): PostgreSQL tests skipped.";
            return;
        }
        var asRoot = Environment.UserName == "root";
        _root = Directory.CreateTempSubdirectory("xmlshred-pg-").FullName;
        var data = Path.Combine(_root, "data");
        var port = FreePort();
        if (asRoot) await RunAsync("chown", ["-R", RunAsUser, _root], asUser: false);
        await RunAsync(Path.Combine(_binDir, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"], asRoot);
        var options = $"-p {port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        _serverOptions = options;
        await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", data, "-l", Path.Combine(_root, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot);
        _started = true;
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
    }

    /// <summary>
    /// <c>pg_ctl restart -m fast</c>: every session is ended with 57P01 (admin shutdown), then the server starts again
    /// with the same options. Only for a cluster a test owns (see <see cref="DedicatedPostgresCluster"/>).
    /// </summary>
    public Task RestartAsync() => PgCtlAsync("-m", "fast", "-w", "-t", "60", "restart");

    /// <summary><c>pg_ctl stop -m fast</c>: the server stays down until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => PgCtlAsync("-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Starts a cluster stopped by <see cref="StopAsync"/> with its original options.</summary>
    public Task StartAgainAsync() => PgCtlAsync("-w", "-t", "60", "start", "-o", _serverOptions!);

    /// <summary>False when the tests use an outside server (XMLSHRED_TEST_PG), which they must not restart.</summary>
    public bool CanRestart => _started;

    private async Task PgCtlAsync(params string[] args)
    {
        if (!_started || _binDir is null || _root is null) throw new InvalidOperationException("only a cluster started by the tests can be restarted");
        // -l keeps the server's output away from our redirected pipes (pg_ctl would otherwise hand them to the server).
        await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-l", Path.Combine(_root, "server.log"), .. args], Environment.UserName == "root");
    }

    private static string? FindBinDir()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asUser)
    {
        var start = new ProcessStartInfo(asUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        if (asUser)
        {
            foreach (var a in (string[])["-u", RunAsUser, "--", file]) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {await stderr}\n{await stdout}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started && _binDir is not null && _root is not null)
        {
            try
            {
                await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "stop"], Environment.UserName == "root");
            }
            catch (InvalidOperationException)
            {
                // Already gone; the directory is removed either way.
            }
        }
        if (_root is not null && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        _startLock.Dispose();
    }
}

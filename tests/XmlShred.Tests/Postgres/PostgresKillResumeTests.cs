using System.Diagnostics;
using Npgsql;
using XmlShred.Contract;
using XmlShred.Loading;
using XmlShred.Storage;
using XmlShred.Storage.Postgres;

namespace XmlShred.Tests.Postgres;

/// <summary>
/// `xmlshred run` killed with SIGKILL in the middle of a run against PostgreSQL, then run again: every application
/// ends up processed exactly once, and no application is ever half written (data and success row commit together).
/// Uses the reference CC contract and samples (skipped without ../shared/reference).
/// </summary>
public sealed class PostgresKillResumeTests(PostgresCluster cluster)
{
    private const int Applications = 2400;

    [Fact]
    public async Task KilledRun_LeavesOnlyWholeApplications_AndTheNextRunFinishesExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var contractPath = SharedReference.Path("contracts", "mapping_contract_cc.json");
        var contract = ContractLoader.LoadFile(contractPath);
        var connection = await cluster.DatabaseAsync(nameof(PostgresKillResumeTests));
        await using (var target = new PostgresTargetDatabase(connection))
        {
            await target.EnsureSchemaAsync(contract, ct);
            await target.LoadSourceAsync(contract, Corpus(), replace: false, ct);
        }

        using (var child = StartRun(connection, contractPath))
        {
            // Kill once some batches have committed, while the rest are still in flight.
            while (await ScalarAsync(connection, contract, "SELECT COUNT(*) FROM {log}") < 40 && !child.HasExited) await Task.Delay(20, ct);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(ct);
        }
        var logged = await ScalarAsync(connection, contract, "SELECT COUNT(*) FROM {log}");
        Assert.InRange(logged, 40, Applications - 1);
        await AssertWholeApplicationsAsync(connection, contract);

        using (var rerun = StartRun(connection, contractPath))
        {
            await rerun.WaitForExitAsync(ct);
            Assert.True(rerun.ExitCode is 0 or 3, $"rerun exited with {rerun.ExitCode}: {await rerun.StandardError.ReadToEndAsync(ct)}");
        }
        Assert.Equal(Applications, await ScalarAsync(connection, contract, "SELECT COUNT(*) FROM {log}"));
        Assert.Equal(Applications, await ScalarAsync(connection, contract, "SELECT COUNT(DISTINCT app_id) FROM {log}"));
        await AssertWholeApplicationsAsync(connection, contract);
    }

    /// <summary>Every root row has its success row and every success row its root row: nothing half-committed.</summary>
    private static async Task AssertWholeApplicationsAsync(string connection, CompiledContract contract)
    {
        Assert.Equal(0, await ScalarAsync(connection, contract, "SELECT COUNT(*) FROM {root} b WHERE NOT EXISTS (SELECT 1 FROM {log} l WHERE l.app_id = b.app_id AND l.status = 'success')"));
        Assert.Equal(0, await ScalarAsync(connection, contract, "SELECT COUNT(*) FROM {log} l WHERE l.status = 'success' AND NOT EXISTS (SELECT 1 FROM {root} b WHERE b.app_id = l.app_id)"));
    }

    private static List<SourceDocument> Corpus()
    {
        var samples = Directory.EnumerateFiles(SharedReference.Path("samples", "cc"), "*.xml").Order(StringComparer.Ordinal)
            .Where(f => new FileInfo(f).Length <= 64 * 1024).Select(File.ReadAllText)
            .Where(x => RequestIdReader.Read(x).AppId is not null).ToList();
        return Enumerable.Range(0, Applications).Select(i =>
        {
            var xml = CorpusReplicator.Rewrite(samples[i % samples.Count], i / samples.Count);
            return new SourceDocument(RequestIdReader.Read(xml).AppId!.Value, xml);
        }).ToList();
    }

    private static Process StartRun(string connection, string contractPath)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(XmlShred.Cli.Program).Assembly.Location, "run", "--db", connection, "--contract", contractPath, "--batch-size", "20", "--workers", "2", "--no-progress" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        // Drain output so a full pipe never blocks the child.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task<long> ScalarAsync(string connection, CompiledContract contract, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        var text = sql.Replace("{log}", PostgresTypes.Qualified(contract.TargetSchema, contract.ProcessingLogTable), StringComparison.Ordinal)
            .Replace("{root}", PostgresTypes.Qualified(contract.TargetSchema, contract.Tables[0].Name), StringComparison.Ordinal);
        await using var command = new NpgsqlCommand(text, c);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

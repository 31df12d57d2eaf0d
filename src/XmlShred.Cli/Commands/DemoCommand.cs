using System.CommandLine;
using Microsoft.Data.Sqlite;
using XmlShred.Cli.Configuration;
using XmlShred.Cli.Logging;
using XmlShred.Pipeline;
using XmlShred.Storage;
using XmlShred.Synthetic;

namespace XmlShred.Cli.Commands;

/// <summary><c>demo</c>: the README's first command — generate, init, load and run in one go, with nothing to set up.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        // Never from XMLSHRED_DB or xmlshred.json: demo deletes the file it is given.
        var db = ConfiguredArguments.FlagOnly(new Option<string>("--db", "-d") { Description = "SQLite file to (re)create (deleted first; only ever taken from this flag).", DefaultValueFactory = _ => "xmlshred-demo.db" });
        var count = new Option<int>("--count", "-n") { Description = "Synthetic applications to generate.", DefaultValueFactory = _ => 3000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed: the same seed gives the same documents.", DefaultValueFactory = _ => 42 };
        var invalid = new Option<double>("--invalid-rate") { Description = "Share of deliberately broken documents, to show how failures are recorded.", DefaultValueFactory = _ => 0.01 };
        var workers = CommonOptions.Workers();
        var noProgress = CommonOptions.NoProgress();
        var command = new Command("demo", """
            Try XmlShred with nothing to set up: generates a few thousand synthetic credit applications (fixed seed),
            creates a fresh SQLite file with the example contract's tables (examples/contract.json), loads the documents
            into its source table and shreds them with the queued pipeline, then prints the summary.
            The file is deleted and recreated every time.
            Example: xmlshred demo
                     xmlshred demo --db /tmp/demo.db --count 20000
            Then:    sqlite3 xmlshred-demo.db "SELECT status, COUNT(*) FROM processing_log GROUP BY status"
            """)
        { db, count, seed, invalid, workers, noProgress };
        CliAction.Set(command, async (result, cancellationToken) =>
        {
            var path = Path.GetFullPath(result.GetRequiredValue(db));
            if (TargetDatabaseFactory.DetectDialect(path) != TargetDialect.Sqlite) throw new UsageException("demo writes a SQLite file: give --db a file path");
            var contract = CommonOptions.LoadBundledContract();
            Recreate(path);
            var generator = new DocumentGenerator(new GeneratorOptions { Count = result.GetValue(count), Seed = result.GetValue(seed), InvalidRate = result.GetValue(invalid) });
            await using (var database = TargetDatabaseFactory.Open(path))
            {
                await database.EnsureSchemaAsync(contract, cancellationToken).ConfigureAwait(false);
                var loaded = 0;
                foreach (var chunk in generator.Generate().Chunk(1000))
                {
                    // Staging rows carry the id each document was built for, even a broken one: the pipeline then
                    // rejects it and records why, as it would for a bad row in a real staging table.
                    var outcome = await database.LoadSourceAsync(contract, chunk.Select(d => new SourceDocument(d.AppId, d.Xml)).ToList(), replace: false, cancellationToken).ConfigureAwait(false);
                    loaded += outcome.Inserted;
                }
                Console.WriteLine($"Generated and loaded {Plural.Count(loaded, "synthetic application")} into {path} (contract {CommonOptions.BundledContractPath}).");
            }
            var code = await RunCommand.ExecuteAsync(path, contract, new RunOptions { Workers = result.GetValue(workers), Logger = CliLogging.Logger(result) }, result.GetValue(noProgress), reportPath: null).ConfigureAwait(false);
            Console.WriteLine($"Explore: sqlite3 {path} \"SELECT status, stage, COUNT(*) FROM processing_log GROUP BY 1, 2\"");
            // Failed applications are part of the demo (the broken documents), not a failure of it.
            return code == ExitCodes.SomeApplicationsFailed ? ExitCodes.Success : code;
        });
        return command;
    }

    private static void Recreate(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix)) File.Delete(path + suffix);
        }
    }
}

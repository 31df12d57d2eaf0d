using System.CommandLine;
using XmlShred.Loading;
using XmlShred.Storage;

namespace XmlShred.Cli.Commands;

internal static class LoadCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var contract = CommonOptions.Contract(description: "Mapping contract JSON file: names the source table and column the documents go into.");
        var replace = new Option<bool>("--replace") { Description = "Overwrite the XML of app_ids already in the source table (default: keep them and skip the file)." };
        var batch = NumberOptions.Positive("--batch-size", "Files per transaction.", 500);
        var limits = new LimitOptions();
        var inputs = new Argument<string[]>("files-or-folders") { Description = "XML files, or folders searched recursively for *.xml.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("load", """
            Load XML files into the contract's source table (create it first with `init`). The app_id is read from
            Request/@ID; a file without a usable one is reported and skipped (exit code 3). Files are decoded by their BOM or XML
            declaration (UTF-8 by default) and read once under the document limits: a file with undecodable bytes,
            characters XML forbids (NUL), a wrong root or over a limit is reported and skipped, the rest are loaded.
            Example: xmlshred load --db shred.db --contract examples/contract.json ./samples
            """)
        { db, contract, replace, batch, inputs };
        limits.AddTo(command);
        CliAction.Set(command, async (result, cancellationToken) =>
        {
            var documentLimits = limits.Read(result);
            var compiled = CommonOptions.LoadContract(result.GetValue(contract));
            var files = SourceFileLoader.ExpandInputs(result.GetRequiredValue(inputs));
            var size = result.GetValue(batch);
            if (size < 1) throw new UsageException("--batch-size must be at least 1");
            var connection = result.GetRequiredValue(db);
            await SchemaGuard.RequireAsync(connection, compiled, cancellationToken).ConfigureAwait(false);
            await using var database = TargetDatabaseFactory.Open(connection);
            var loader = new SourceFileLoader(database, compiled, documentLimits);
            var outcome = await loader.LoadAsync(files, result.GetValue(replace), size,
                p => Console.Error.WriteLine($"  {p.FilesSeen}/{Plural.Count(p.FilesTotal, "file")}: {p.Inserted} inserted, {p.Replaced} replaced, {p.SkippedExisting} already present, {p.Rejected.Count} skipped"),
                cancellationToken).ConfigureAwait(false);
            foreach (var skipped in outcome.Rejected) Console.Error.WriteLine($"skipped {skipped.Path}: {skipped.Reason}");
            Console.WriteLine($"Loaded {Plural.Count(outcome.FilesTotal, "file")} into {compiled.SourceTable}: {outcome.Inserted} inserted, {outcome.Replaced} replaced, "
                + $"{outcome.SkippedExisting} already present (use --replace to overwrite), {outcome.Rejected.Count} skipped.");
            return outcome.Rejected.Count > 0 ? ExitCodes.SomeApplicationsFailed : ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using XmlShred.Fleet;
using XmlShred.Pipeline;
using XmlShred.Storage;

namespace XmlShred.Cli.Commands;

internal static class InitCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var contract = CommonOptions.Contract();
        var print = new Option<bool>("--print") { Description = "Print the DDL instead of running it (nothing is changed)." };
        var command = new Command("init", """
            Create the target tables, processing_log and the source table that the contract names, and the claim
            tables that let any number of `run` instances share the database.
            Idempotent: only what is missing is created, so it is safe to run again. A database from before the
            one-row-per-application rule is cleaned up once: duplicate processing_log rows of an app_id are reduced to
            the success row (else the newest failed one) before the unique index is created.
            Example: xmlshred init --db shred.db --contract examples/contract.json
                     xmlshred init --db shred.db --contract examples/contract.json --print > schema.sql
            """)
        { db, contract, print };
        CliAction.Set(command, async (result, cancellationToken) =>
        {
            var compiled = CommonOptions.LoadContract(result.GetValue(contract));
            await using var database = TargetDatabaseFactory.Open(result.GetRequiredValue(db));
            if (result.GetValue(print))
            {
                var output = result.InvocationConfiguration.Output;
                foreach (var statement in database.SchemaDdl(compiled)) output.WriteLine(statement + ";\n");
                return ExitCodes.Success;
            }
            // With the claim tables that let any number of `run` instances share this database.
            await database.EnsureSchemaAsync(compiled, cancellationToken).ConfigureAwait(false);
            result.InvocationConfiguration.Output.WriteLine($"Schema ready in {database.DisplayName}: {Plural.Count(compiled.Tables.Count, "target table")}, {compiled.ProcessingLogTable}, "
                + $"source table {compiled.SourceTable}, claim tables {ClaimDialect.ChunkTableName} and {ClaimDialect.InstanceTableName}.");
            return ExitCodes.Success;
        });
        return command;
    }
}

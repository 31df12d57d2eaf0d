using System.CommandLine;
using XmlShred.Contract;

namespace XmlShred.Cli.Commands;

/// <summary><c>xmlshred contract lint|schema</c>: check a contract before a run; give editors its JSON Schema.</summary>
internal static class ContractCommand
{
    public static Command Create()
    {
        var command = new Command("contract", "Checks mapping contracts and prints the contract format's JSON Schema.");
        command.Subcommands.Add(Lint());
        command.Subcommands.Add(Schema());
        return command;
    }

    private static Command Lint()
    {
        var file = new Argument<FileInfo>("file") { Description = "The contract to check." };
        var strict = new Option<bool>("--strict") { Description = "Exit 3 on warnings too." };
        var command = new Command("lint", """
            Loads a contract exactly as `run` would and lists every error (the contract would be refused) and warning
            (it loads, but probably does not do what was meant: an expression without calculated_field, an empty enum map,
            a table missing from table_insertion_order, an unknown mapping type, a NOT NULL column without default, ...).
            Exit code 0 when it loads, 2 when it has errors (3 with --strict and warnings).

            Example: xmlshred contract lint examples/contract.json
            """) { file, strict };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                stderr.WriteLine($"error: {path.FullName}: no such file");
                return ExitCodes.UsageError;
            }
            var (contract, diagnostics) = ContractLoader.Compile(File.ReadAllBytes(path.FullName), Path.GetFileNameWithoutExtension(path.Name));
            foreach (var diagnostic in diagnostics) stdout.WriteLine(diagnostic);
            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = diagnostics.Count - errors;
            if (contract is not null)
                stdout.WriteLine($"{path.Name}: {contract.Tables.Count} tables, {contract.Tables.Sum(t => t.Entries.Count)} mappings; {errors} error(s), {warnings} warning(s)");
            else
                stdout.WriteLine($"{path.Name}: refused; {errors} error(s), {warnings} warning(s)");
            if (errors > 0) return ExitCodes.UsageError;
            return parse.GetValue(strict) && warnings > 0 ? ExitCodes.SomeApplicationsFailed : ExitCodes.Success;
        });
        return command;
    }

    private static Command Schema()
    {
        var command = new Command("schema", """
            Prints a JSON Schema (draft 2020-12) of the mapping-contract format, for editor validation and completion.
            Example: xmlshred contract schema > contract.schema.json   (then add "$schema": "./contract.schema.json")
            """);
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(ContractSchema.Generate());
            return ExitCodes.Success;
        });
        return command;
    }
}

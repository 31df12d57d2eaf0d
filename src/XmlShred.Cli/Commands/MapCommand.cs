using System.CommandLine;
using Spectre.Console;
using XmlShred.Contract;
using XmlShred.Loading;
using XmlShred.Mapping;
using XmlShred.Output;

namespace XmlShred.Cli.Commands;

/// <summary><c>xmlshred map</c>: the preview and dry run — one document's rows, as golden JSON or as tables.</summary>
internal static class MapCommand
{
    public static Command Create()
    {
        var contract = CommonOptions.Contract(required: false, "Mapping contract (JSON) to map with (or --contract-dir).");
        var contractDir = new Option<DirectoryInfo?>("--contract-dir") { Description = "Folder of contracts; with --product-line auto each document picks the contract whose application element it has." };
        var productLine = new Option<string>("--product-line") { Description = "With --contract-dir: 'auto' (the only choice today).", DefaultValueFactory = _ => "auto" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write <stem>.json per input here. Without it a single input is printed." };
        var format = CommonOptions.Format("json (golden format) or table (readable preview).", "json", "table");
        var limits = new LimitOptions();
        var inputs = new Argument<string[]>("inputs") { Description = "XML files or folders of *.xml files.", Arity = ArgumentArity.OneOrMore };

        var command = new Command("map", """
            Maps XML documents to rows without touching a database: a preview of exactly what `run` would write
            (processing_log excepted). Exit code 3 when a document was rejected (the reason is on stderr), 2 when an input
            does not exist (nothing is mapped then); see `xmlshred --help` for all codes.

            Examples:
              xmlshred map -c examples/contract.json app.xml --format table
              xmlshred map -c contract.json --out rows/ samples/
              xmlshred map --contract-dir contracts/ --product-line auto samples/
            """)
        {
            contract, contractDir, productLine, output, format, inputs,
        };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            Func<string, MappingResult> map;
            XmlShred.Xml.XmlLimits documentLimits;
            var outDir = parse.GetValue(output);
            try
            {
                documentLimits = limits.Read(parse);
                var options = new MappingOptions { Limits = documentLimits };
                map = CliContracts.CreateMapper(parse.GetValue(contract), parse.GetValue(contractDir), parse.GetValue(productLine)!, options);
                if (outDir is not null && File.Exists(outDir.FullName)) throw new UsageException($"--out {outDir.FullName} is a file; give a folder (it is created if missing)");
                outDir?.Create();
            }
            catch (Exception ex) when (ex is ContractException or IOException or ArgumentException or UnauthorizedAccessException or UsageException)
            {
                stderr.WriteLine(ex is ContractException ? ex.Message : "error: " + ex.Message);
                return ExitCodes.UsageError;
            }
            var files = CliInputs.ExpandXmlFiles(parse.GetValue(inputs)!, out var missing);
            foreach (var path in missing) stderr.WriteLine($"error: {path}: no such file or folder");
            if (missing.Count > 0) return ExitCodes.UsageError;
            var asTable = parse.GetValue(format) == "table";
            var (unreadable, mapped, rejected) = (0, 0, 0);
            var console = ReferenceEquals(stdout, Console.Out) ? AnsiConsole.Console : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            foreach (var file in files)
            {
                MappingResult result;
                try
                {
                    var (text, problem) = XmlFileDecoder.ReadFile(file, documentLimits.MaxDocumentBytes);
                    result = text is null ? MappingResult.Rejected(null, "parsing", problem!, []) : map(text);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"error: {file}: {ex.Message}");
                    unreadable++;
                    continue;
                }
                var stem = Path.GetFileNameWithoutExtension(file);
                if (result.Outcome == MappingOutcome.Mapped) mapped++;
                else rejected++;
                if (result.Outcome == MappingOutcome.Rejected)
                    stderr.WriteLine($"rejected: {file} (app_id {result.AppId?.ToString() ?? "unknown"}): {result.FailureStage}: {result.Reason}");
                if (outDir is not null)
                {
                    File.WriteAllText(Path.Combine(outDir.FullName, stem + ".json"), MappingJson.ToText(result, file));
                }
                else if (asTable)
                {
                    RowTables.Render(console, file, result);
                }
                else
                {
                    stdout.WriteLine(MappingJson.ToText(result, file));
                }
            }
            if (outDir is not null)
                stderr.WriteLine($"{Plural.Count(mapped + rejected, "result")} written into {outDir.FullName}: {mapped} mapped, {rejected} rejected"
                    + (unreadable > 0 ? $", {unreadable} unreadable" : ""));
            if (unreadable > 0) return ExitCodes.UnexpectedError;
            return rejected > 0 ? ExitCodes.SomeApplicationsFailed : ExitCodes.Success;
        });
        return command;
    }
}

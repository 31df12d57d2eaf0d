using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using XmlShred.Storage;
using XmlShred.Storage.Inspection;

namespace XmlShred.Cli.Commands;

/// <summary><c>xmlshred failures</c>: the failed applications of a target, read-only.</summary>
internal static class FailuresCommand
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public static Command Create()
    {
        var db = CommonOptions.Db();
        var contract = CommonOptions.Contract(required: false, "Contract whose target_schema holds processing_log (PostgreSQL, SQL Server; default schema: dbo).");
        var schema = new Option<string?>("--schema") { Description = "Schema of processing_log on PostgreSQL or SQL Server (overrides the contract's target_schema)." };
        var format = CommonOptions.Format("table (readable), json (one array) or csv (RFC 4180, with a header row).", "table", "json", "csv");
        var command = new Command("failures", """
            List the applications whose processing failed: app_id, stage (validation, parsing, mapping, constraint_violation,
            database, …), the reason, when, and the run. An application that later succeeded is not listed. Nothing is changed.
            Examples: xmlshred failures --db shred.db
                      xmlshred failures --db shred.db --format csv > failures.csv
                      xmlshred failures --db "Host=db;Database=credit" -c contract.json --format json
            """)
        { db, contract, schema, format };
        CliAction.Set(command, async (result, cancellationToken) =>
        {
            var connection = result.GetRequiredValue(db);
            var targetSchema = result.GetValue(schema) ?? (result.GetValue(contract) is { } file ? CommonOptions.LoadContract(file).TargetSchema : "dbo");
            if (!XmlShred.Contract.SqlIdentifier.IsValid(targetSchema)) throw new UsageException("--schema: " + XmlShred.Contract.SqlIdentifier.Explain(targetSchema));
            IReadOnlyList<FailedApplication> failures;
            try
            {
                failures = await TargetInspector.FailuresAsync(connection, targetSchema, "processing_log", cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                throw new UsageException($"{Describe(connection)}: {ex.Message}");
            }
            var output = result.InvocationConfiguration.Output;
            switch (result.GetValue(format))
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(failures.Select(f => new
                    {
                        app_id = f.AppId,
                        stage = f.Stage,
                        reason = f.Reason,
                        processing_time = f.ProcessingTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
                        run_id = f.RunId,
                    }), s_json));
                    break;
                case "csv":
                    output.WriteLine("app_id,stage,reason,processing_time,run_id");
                    foreach (var f in failures)
                        output.WriteLine(string.Join(',', f.AppId.ToString(CultureInfo.InvariantCulture), Csv(f.Stage), Csv(f.Reason), f.ProcessingTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Csv(f.RunId)));
                    break;
                default:
                    WriteTable(output, failures);
                    break;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(string connection) => TargetDatabaseFactory.DetectDialect(connection) switch
    {
        TargetDialect.PostgreSql => Storage.Postgres.PostgresConnectionString.Format.Redact(connection),
        TargetDialect.SqlServer => Storage.SqlServer.SqlServerConnectionString.Format.Redact(connection),
        _ => connection,
    };

    private static void WriteTable(TextWriter output, IReadOnlyList<FailedApplication> failures)
    {
        if (failures.Count == 0)
        {
            output.WriteLine("No failed applications.");
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });
        // Redirected output has no width: use a wide one so reasons wrap less in files and pipes.
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected) console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("app_id", "stage", "reason", "time (UTC)", "run");
        foreach (var f in failures)
            table.AddRow(f.AppId.ToString(CultureInfo.InvariantCulture), Markup.Escape(f.Stage ?? ""), Markup.Escape(f.Reason ?? ""),
                f.ProcessingTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(f.RunId ?? ""));
        console.Write(table);
        output.WriteLine(Plural.Count(failures.Count, "failed application"));
    }

    /// <summary>RFC 4180: quote a field that holds a comma, quote or line break; double its quotes.</summary>
    internal static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

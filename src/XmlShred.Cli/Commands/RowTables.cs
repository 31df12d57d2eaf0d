using Spectre.Console;
using XmlShred.Mapping;
using XmlShred.Output;

namespace XmlShred.Cli.Commands;

/// <summary>Renders a mapping result as one readable table per target table (the <c>--format table</c> preview).</summary>
internal static class RowTables
{
    public static void Render(IAnsiConsole console, string source, MappingResult result)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(source)}[/] app_id {result.AppId?.ToString() ?? "?"}: {result.Outcome}").LeftJustified());
        if (result.Outcome == MappingOutcome.Rejected)
        {
            console.MarkupLineInterpolated($"[red]{result.FailureStage}: {result.Reason}[/]");
            return;
        }
        foreach (var mapped in result.Tables)
        {
            var table = new Table { Title = new TableTitle($"{mapped.Name} ({mapped.Rows.Count} row{(mapped.Rows.Count == 1 ? "" : "s")})") };
            foreach (var column in mapped.Columns) table.AddColumn(new TableColumn(Markup.Escape(column)));
            foreach (var row in mapped.Rows) table.AddRow(row.Select(v => Markup.Escape(CanonicalValue.ToDisplay(v))).ToArray());
            table.Expand = false;
            console.Write(table);
        }
        foreach (var warning in result.Warnings) console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
    }
}

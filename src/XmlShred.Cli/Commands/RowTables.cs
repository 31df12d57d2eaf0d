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
            var title = new TableTitle($"{mapped.Name} ({mapped.Rows.Count} row{(mapped.Rows.Count == 1 ? "" : "s")})");
            console.Write(mapped.Columns.Count <= WideTable ? Horizontal(mapped, title) : Transposed(mapped, title));
        }
        foreach (var warning in result.Warnings) console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
    }

    /// <summary>Tables with more columns than this are shown transposed: one line per column, one column per row.</summary>
    private const int WideTable = 6;

    private static Table Horizontal(MappedTable mapped, TableTitle title)
    {
        var table = new Table { Title = title };
        foreach (var column in mapped.Columns) table.AddColumn(new TableColumn(Markup.Escape(column)));
        foreach (var row in mapped.Rows) table.AddRow(mapped.Present.Select(o => Markup.Escape(CanonicalValue.ToDisplay(row[o]))).ToArray());
        return table;
    }

    private static Table Transposed(MappedTable mapped, TableTitle title)
    {
        var table = new Table { Title = title };
        table.AddColumn("column");
        for (var r = 0; r < mapped.Rows.Count; r++) table.AddColumn(mapped.Rows.Count == 1 ? "value" : $"row {r + 1}");
        for (var c = 0; c < mapped.Columns.Count; c++)
        {
            var cells = new List<string> { Markup.Escape(mapped.Columns[c]) };
            foreach (var row in mapped.Rows) cells.Add(Markup.Escape(CanonicalValue.ToDisplay(row[mapped.Present[c]])));
            table.AddRow(cells.ToArray());
        }
        return table;
    }
}

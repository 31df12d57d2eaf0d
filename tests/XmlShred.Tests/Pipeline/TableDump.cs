using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using XmlShred.Contract;
using XmlShred.Output;
using XmlShred.Values;

namespace XmlShred.Tests.Pipeline;

/// <summary>Reads target tables back in the golden JSON form (and as ordered text for whole-database comparisons).</summary>
internal static class TableDump
{
    /// <summary>Every row of a table as a golden-form object (null columns left out), in key order.</summary>
    public static async Task<List<JsonObject>> RowsAsync(PipelineDatabase db, TablePlan table)
    {
        var columns = table.Columns;
        var sql = $"SELECT {string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))} FROM \"{table.Name}\" ORDER BY {string.Join(", ", table.KeyColumns.Select(k => "\"" + k + "\""))}";
        var rows = new List<JsonObject>();
        foreach (var raw in await db.QueryAsync(sql))
        {
            var row = new JsonObject();
            for (var i = 0; i < columns.Count; i++)
            {
                if (raw[i] is null) continue;
                row[columns[i].Name] = Canonical(columns[i], raw[i]!);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static JsonNode? Canonical(ColumnSpec column, object value) => value switch
    {
        string s when column.DataType.IsDateTime() => CanonicalValue.ToJson(DateTime.Parse(s, CultureInfo.InvariantCulture)),
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// The whole database as text, table by table in key order: every target table, and processing_log without
    /// its per-run columns (log_id, processing_time, session_id, run_id, duration_ms).
    /// </summary>
    public static async Task<string> DatabaseAsync(PipelineDatabase db, CompiledContract contract)
    {
        var text = new StringBuilder();
        foreach (var table in contract.Tables)
        {
            text.AppendLine("## " + table.Name);
            foreach (var row in await RowsAsync(db, table)) text.AppendLine(row.ToJsonString());
        }
        text.AppendLine("## processing_log");
        foreach (var row in await db.QueryAsync("SELECT app_id, status, stage, failure_reason, contract_hash, app_id_start, app_id_end FROM processing_log ORDER BY app_id, status"))
            text.AppendLine(string.Join(" | ", row.Select(v => v?.ToString() ?? "NULL")));
        return text.ToString();
    }
}

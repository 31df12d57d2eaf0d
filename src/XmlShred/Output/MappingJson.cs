using System.Text.Json;
using System.Text.Json.Nodes;
using XmlShred.Mapping;

namespace XmlShred.Output;

/// <summary>Writes a mapping result in the golden-file format (rows with sorted keys; processing_log is not included).</summary>
public static class MappingJson
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static JsonObject ToJson(MappingResult result, string sourceFile, string? productLine = null)
    {
        var root = new JsonObject
        {
            ["source_file"] = sourceFile,
        };
        if (productLine is not null) root["product_line"] = productLine;
        root["app_id"] = result.AppId is { } id ? JsonValue.Create(id) : null;
        root["outcome"] = result.Outcome == MappingOutcome.Mapped ? "mapped" : "rejected";
        if (result.Outcome == MappingOutcome.Rejected) root["reason"] = $"{result.FailureStage}: {result.Reason}";
        var tables = new JsonObject();
        foreach (var table in result.Tables)
        {
            var rows = new JsonArray();
            var order = table.Present.OrderBy(o => table.Plan.Columns[o].Name, StringComparer.Ordinal).ToArray();
            foreach (var row in table.Rows)
            {
                var obj = new JsonObject();
                foreach (var o in order) obj[table.Plan.Columns[o].Name] = CanonicalValue.ToJson(row[o]);
                rows.Add(obj);
            }
            tables[table.Name] = rows;
        }
        root["tables"] = tables;
        return root;
    }

    public static string ToText(MappingResult result, string sourceFile, string? productLine = null) =>
        ToJson(result, sourceFile, productLine).ToJsonString(s_indented);
}

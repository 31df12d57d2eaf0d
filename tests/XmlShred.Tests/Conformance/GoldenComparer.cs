using System.Text;
using System.Text.Json.Nodes;

namespace XmlShred.Tests.Conformance;

/// <summary>
/// Compares a mapping result (golden JSON form) with a golden file: equal outcome, and per table the same rows as a
/// multiset, where a key whose value is null counts as absent. Reports sample, table, row, column, expected, actual.
/// </summary>
internal static class GoldenComparer
{
    public static string? Compare(string sample, JsonObject expected, JsonObject actual)
    {
        var problems = new StringBuilder();
        var expectedOutcome = (string?)expected["outcome"];
        var actualOutcome = (string?)actual["outcome"];
        if (expectedOutcome != actualOutcome)
        {
            return $"{sample}: outcome expected '{expectedOutcome}' but was '{actualOutcome}' ({(string?)actual["reason"]})";
        }
        if (expected.ContainsKey("app_id") && expected["app_id"]?.ToJsonString() != actual["app_id"]?.ToJsonString())
        {
            problems.AppendLine($"{sample}: app_id expected {expected["app_id"]?.ToJsonString() ?? "null"} but was {actual["app_id"]?.ToJsonString() ?? "null"}");
        }
        var expectedTables = expected["tables"]?.AsObject() ?? [];
        var actualTables = actual["tables"]?.AsObject() ?? [];
        var names = expectedTables.Select(t => t.Key).Union(actualTables.Select(t => t.Key)).ToList();
        foreach (var table in names)
        {
            var want = Rows(expectedTables[table]);
            var got = Rows(actualTables[table]);
            CompareTable(sample, table, want, got, problems);
        }
        return problems.Length == 0 ? null : problems.ToString();
    }

    private static List<SortedDictionary<string, string>> Rows(JsonNode? node)
    {
        var rows = new List<SortedDictionary<string, string>>();
        foreach (var row in node?.AsArray() ?? [])
        {
            var dict = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in row!.AsObject())
            {
                if (value is not null) dict[key] = value.ToJsonString();
            }
            rows.Add(dict);
        }
        return rows;
    }

    private static void CompareTable(string sample, string table, List<SortedDictionary<string, string>> want, List<SortedDictionary<string, string>> got, StringBuilder problems)
    {
        var unmatchedGot = new List<SortedDictionary<string, string>>(got);
        var unmatchedWant = new List<(int Index, SortedDictionary<string, string> Row)>();
        for (var i = 0; i < want.Count; i++)
        {
            var match = unmatchedGot.FindIndex(g => g.SequenceEqual(want[i]));
            if (match >= 0) unmatchedGot.RemoveAt(match);
            else unmatchedWant.Add((i, want[i]));
        }
        foreach (var (index, row) in unmatchedWant)
        {
            if (unmatchedGot.Count == 0)
            {
                problems.AppendLine($"{sample}: {table}[{index}] expected row missing: {Show(row)}");
                continue;
            }
            var best = unmatchedGot.OrderBy(g => Differences(row, g).Count()).First();
            unmatchedGot.Remove(best);
            foreach (var column in Differences(row, best))
            {
                problems.AppendLine($"{sample}: {table}[{index}].{column}: expected {row.GetValueOrDefault(column) ?? "null"} but was {best.GetValueOrDefault(column) ?? "null"}");
            }
        }
        foreach (var extra in unmatchedGot)
        {
            problems.AppendLine($"{sample}: {table}: unexpected row {Show(extra)}");
        }
    }

    private static IEnumerable<string> Differences(SortedDictionary<string, string> a, SortedDictionary<string, string> b) =>
        a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)).OrderBy(k => k, StringComparer.Ordinal);

    private static string Show(SortedDictionary<string, string> row) => "{" + string.Join(", ", row.Select(kv => $"{kv.Key}: {kv.Value}")) + "}";
}

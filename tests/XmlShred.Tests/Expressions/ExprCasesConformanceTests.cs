using System.Text.Json;
using XmlShred.Expressions;
using XmlShred.Values;

namespace XmlShred.Tests.Expressions;

/// <summary>
/// Every case of ../shared/reference/expr_cases.json (EXPR-1 to EXPR-10), each its own test. Without the shared folder a single
/// placeholder row is produced, which skips.
/// Booleans: no case returns a bare predicate; should one appear, it is compared as the number 1/0, which is how
/// TOKEN-1 turns a Boolean into a column value.
/// </summary>
public class ExprCasesConformanceTests
{
    private const int Placeholder = -1;
    private static readonly DateTime Now = new(2024, 6, 1, 12, 0, 0);
    private static readonly Lazy<IReadOnlyList<ExprCase>> Cases = new(LoadCases);

    public static IEnumerable<TheoryDataRow<int>> CaseIndexes()
    {
        if (SharedReference.Root is null)
        {
            yield return new TheoryDataRow<int>(Placeholder);
            yield break;
        }
        for (var i = 0; i < Cases.Value.Count; i++)
        {
            yield return new TheoryDataRow<int>(i) { TestDisplayName = $"expr_cases[{i}]: {Cases.Value[i].Expression}" };
        }
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Case_MatchesExpectedResult(int index)
    {
        SharedReference.RequireRoot();
        var c = Cases.Value[index];

        if (c.ExpectedType == "parse_error")
        {
            Assert.Throws<ExpressionParseException>(() => CompiledExpression.Parse(c.Expression));
            return;
        }

        var context = new ExpressionContext();
        foreach (var (key, value) in c.Context) context.Set(key, value);
        var result = CompiledExpression.Parse(c.Expression).Evaluate(context, Now);

        switch (c.ExpectedType)
        {
            case "null":
                Assert.True(result.IsNull, $"{c.Note}: expected NULL, got {result}");
                break;
            case "number":
                var number = result.Kind == ExprKind.Boolean ? (result.AsBoolean ? 1m : 0m) : result.AsNumber;
                Assert.Equal(c.Expected, DecimalText.ToCanonicalNumber(number));
                break;
            case "string":
                Assert.Equal(ExprKind.String, result.Kind);
                Assert.Equal(c.Expected, result.AsString);
                break;
            case "datetime":
                Assert.Equal(c.Expected, DateTimeText.ToCanonical(result.AsDateTime));
                break;
            default:
                Assert.Fail($"unknown expected_type '{c.ExpectedType}'");
                break;
        }
    }

    private static List<ExprCase> LoadCases()
    {
        if (SharedReference.Root is null) return [];
        using var document = JsonDocument.Parse(File.ReadAllText(SharedReference.Path("expr_cases.json")));
        var cases = new List<ExprCase>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var context = new List<KeyValuePair<string, object?>>();
            foreach (var property in item.GetProperty("context").EnumerateObject())
                context.Add(new(property.Name, ToContextValue(property.Value)));
            var expected = item.GetProperty("expected");
            cases.Add(new ExprCase(
                item.GetProperty("expr").GetString()!,
                context,
                expected.ValueKind == JsonValueKind.Null ? null : expected.ToString(),
                item.GetProperty("expected_type").GetString()!,
                item.TryGetProperty("note", out var note) ? note.GetString() ?? "" : ""));
        }
        return cases;
    }

    // JSON strings and numbers map to the context's value kinds; anything else (arrays, objects) stays as is and reads as NULL.
    private static object? ToContextValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.Null => null,
        _ => value.Clone(),
    };

    private sealed record ExprCase(
        string Expression,
        IReadOnlyList<KeyValuePair<string, object?>> Context,
        string? Expected,
        string ExpectedType,
        string Note);
}

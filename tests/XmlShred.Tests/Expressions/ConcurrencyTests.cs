using XmlShred.Expressions;

namespace XmlShred.Tests.Expressions;

/// <summary>A compiled expression is shared by all mapping threads; each thread brings its own context.</summary>
public class ConcurrencyTests
{
    private const string Salary =
        "CASE WHEN basis = 'ANNUM' THEN ROUND(salary / 12, 2) WHEN basis LIKE 'MON%' THEN salary * 12 " +
        "WHEN DATEDIFF(day, start, GETUTCDATE()) > 30 THEN CAST(salary AS varchar(3)) ELSE salary END";

    [Fact]
    public async Task Evaluate_FromManyTasks_GivesTheSameResultsAsSequentialEvaluation()
    {
        var expression = CompiledExpression.Parse(Salary);
        var now = new DateTime(2024, 6, 1);
        var inputs = Enumerable.Range(0, 64).Select(i => (
            Basis: (i % 4) switch { 0 => "annum", 1 => "Month", 2 => "", _ => "weekly" },
            Salary: (1000 + i * 37).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".5",
            Start: i % 2 == 0 ? "2024-01-01" : "2024-05-25")).ToArray();
        var expected = inputs.Select(input => Expr.Show(expression.Evaluate(ContextFor(input), now))).ToArray();

        var tasks = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var context = new ExpressionContext(); // one per thread, reused
            var mismatches = 0;
            for (var round = 0; round < 500; round++)
            {
                var i = (round * 7 + worker) % inputs.Length;
                context.Clear();
                Fill(context, inputs[i]);
                if (Expr.Show(expression.Evaluate(context, now)) != expected[i]) mismatches++;
            }
            return mismatches;
        }, TestContext.Current.CancellationToken));

        var results = await Task.WhenAll(tasks);
        Assert.All(results, mismatches => Assert.Equal(0, mismatches));
        Assert.Contains("'107'", expected); // the CAST branch was exercised (1074.5 cut to 3 characters)
        Assert.Contains("12450", expected); // and the MONTH branch (1037.5 × 12)
    }

    private static ExpressionContext ContextFor((string Basis, string Salary, string Start) input)
    {
        var context = new ExpressionContext();
        Fill(context, input);
        return context;
    }

    private static void Fill(ExpressionContext context, (string Basis, string Salary, string Start) input)
    {
        context.Set("basis", input.Basis);
        context.Set("salary", input.Salary);
        context.Set("start", input.Start);
    }
}

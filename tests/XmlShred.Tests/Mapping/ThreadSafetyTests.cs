using XmlShred.Output;

namespace XmlShred.Tests.Mapping;

/// <summary>One DocumentMapper shared by 8 parallel tasks gives the same results as sequential mapping.</summary>
public class ThreadSafetyTests
{
    [Fact]
    public async Task ParallelMapping_EqualsSequential()
    {
        var c = new TestContract().AppId()
            .Add("app_base", "rd", TestContract.App, "rd", "datetime", nullable: true)
            .Add("app_contact_base", "first_name", TestContract.Person, "first_name")
            .Add("app_contact_address", "city", TestContract.Addr, "city", nullable: true, dflt: "MISSING", excludeWhenEmpty: true)
            .Add("loan", "calc", TestContract.App, null, "decimal", mt: "calculated_field", length: 2, nullable: true, expression: "amt / 3")
            .Add("loan", "zip", TestContract.Addr, "zip", mt: "last_valid_pr_contact, numbers_only", length: 5, nullable: true)
            .Add("scores", "", TestContract.App, "s", "int", mt: "add_score(S)", nullable: true)
            .Add("app_historical_lookup", "", TestContract.Person, "dl", mt: "add_history", nullable: true);
        var mapper = c.Mapper();
        var docs = Enumerable.Range(1, 64).Select(i => i % 9 == 0
            ? "<broken"
            : Doc.Xml(
                Doc.Person((i % 5 + 1).ToString(), attrs: $"dl=\"D{i}\"", inner: $"<person_addr addr_tp=\"{(i % 2 == 0 ? "CURR" : "PREV")}\" city=\"C{i}\" zip=\"{i:00000}\"/>") +
                (i % 3 == 0 ? Doc.Person("77", "AUTHU") : ""),
                appAttrs: $"rd=\"2020-01-{i % 28 + 1}\" amt=\"{i}.5\" s=\"{i * 7}\"", id: i.ToString())).ToArray();
        var sequential = docs.Select(d => MappingJson.ToText(mapper.Map(d), "x")).ToArray();
        Assert.Contains(sequential, s => s.Contains("\"rejected\""));

        var parallel = new string[8][];
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var mine = new string[docs.Length];
            for (var k = 0; k < docs.Length; k++)
            {
                var i = (k + t * 7) % docs.Length; // each task walks the docs in a different order
                mine[i] = MappingJson.ToText(mapper.Map(docs[i]), "x");
            }
            parallel[t] = mine;
        }, TestContext.Current.CancellationToken)));

        foreach (var run in parallel) Assert.Equal(sequential, run);
    }
}

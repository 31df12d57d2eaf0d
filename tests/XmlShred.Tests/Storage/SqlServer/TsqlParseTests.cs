using Microsoft.SqlServer.TransactSql.ScriptDom;
using XmlShred.Benchmarking.Targets;
using XmlShred.Contract;
using XmlShred.Fleet;
using XmlShred.Storage;
using XmlShred.Storage.Inspection;
using XmlShred.Storage.SqlServer;
using XmlShred.Tests.Pipeline;
using XmlShred.Tests.Storage;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>
/// Every T-SQL statement XmlShred can send to SQL Server parses with SQL Server 2022's own parser (ScriptDom,
/// TSql160Parser) without a single error. SQL Server does not run here, so this is what catches a typo in generated
/// SQL before a user's server does. To cover a new generator, add one line to <see cref="Generators"/>.
/// </summary>
public sealed class TsqlParseTests
{
    /// <summary>The contracts every generator is exercised with: each table kind and data type, the bundled example, the tiny test contract.</summary>
    private static IEnumerable<CompiledContract> Contracts()
    {
        yield return StorageTestContract.Build("migration");
        yield return TinyContract.Compiled;
        yield return ContractLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "examples", "contract.json"));
    }

    private static readonly SourceSelection[] s_selections =
    [
        SourceSelection.All,
        new() { AppIdStart = 10, AppIdEnd = 99, PartitionIndex = 1, PartitionCount = 4, Limit = 5 },
    ];

    private static IEnumerable<TableRowGroup> AllColumnGroups(CompiledContract contract) =>
        contract.Tables.Select(t => new TableRowGroup(t, t.Columns.Select(c => c.Name).ToArray()));

    /// <summary>Name → every statement that generator produces for every test contract. Add new generators here.</summary>
    public static readonly IReadOnlyDictionary<string, Func<CompiledContract, IEnumerable<string>>> Generators =
        new Dictionary<string, Func<CompiledContract, IEnumerable<string>>>
        {
            ["schema DDL (init)"] = c => ServerDdl.For(SqlServerDialect.Instance, c),
            ["schema lock (init)"] = c => [SqlServerDialect.Instance.SchemaLock(c.TargetSchema).Sql],
            ["defaulted-columns query (writer set-up)"] = _ => [SqlServerDialect.Instance.DefaultedColumnsSql],
            ["bulk-copy #temp stage per table"] = c => AllColumnGroups(c).Select((g, i) => SqlServerMergeSql.CreateStage(SqlServerMergeSql.StageName(i), SqlServerDialect.Instance.Qualified(c.TargetSchema, g.Plan.Name), g)),
            ["insert-if-absent / MERGE from #temp per table"] = c => AllColumnGroups(c).Where(g => g.NeedsStage)
                .Select((g, i) => SqlServerMergeSql.Merge(SqlServerMergeSql.StageName(i), SqlServerDialect.Instance.Qualified(c.TargetSchema, g.Plan.Name), g)),
            ["source load #temp (load)"] = _ => [SqlServerSourceLoader.CreateStageSql],
            ["source load MERGE (load, load --replace)"] = c => [SqlServerSourceLoader.MergeSql(c, replace: false), SqlServerSourceLoader.MergeSql(c, replace: true)],
            ["source page query (run)"] = c => s_selections.Select(s => SourceQuery.Page(SqlServerDialect.Instance, c, s)),
            ["pending count (run)"] = c => s_selections.Select(s => SourceQuery.Count(SqlServerDialect.Instance, c, s)),
            ["NULL-XML count (status)"] = c => s_selections.Select(s => SourceQuery.NullXmlCount(SqlServerDialect.Instance, c, s)),
            ["reset between bench repeats"] = c => [ServerTableReset.SqlServerDeleteSql(c, includeSource: true)],
            ["failures listing (failures)"] = c => [InspectionSql.Failures(TargetDialect.SqlServer, c.TargetSchema, c.ProcessingLogTable)],
            ["schema check (run, load)"] = _ => [InspectionSql.TableExists(TargetDialect.SqlServer)],
            ["exactly-once log gate (run)"] = c => LogGateStatements(c),
            ["fleet claim tables DDL (init)"] = c => new SqlServerClaimDialect(c).Ddl(),
            ["fleet claim, lease, seeding and status (run, status)"] = FleetStatements,
        };

    private static IEnumerable<string> LogGateStatements(CompiledContract contract)
    {
        var log = SqlServerDialect.Instance.Qualified(contract.TargetSchema, contract.ProcessingLogTable);
        yield return SqlServerLogGateSql.CreateStage(SqlServerLogGateSql.Stage, log);
        yield return SqlServerLogGateSql.ReplaceFailed(SqlServerLogGateSql.Stage, log);
        yield return SqlServerLogGateSql.InsertIfAbsent(SqlServerLogGateSql.Stage, log);
    }

    private static IEnumerable<string> FleetStatements(CompiledContract contract)
    {
        var sql = new SqlServerClaimDialect(contract);
        foreach (var filter in new[] { WorkFilter.Everything, new WorkFilter(s_selections[1], false), new WorkFilter(SourceSelection.All, true), new WorkFilter(s_selections[1], true, "run1") })
        {
            yield return sql.Claim(filter);
            yield return sql.LiveWorkElsewhere(filter);
        }
        string[] rest = [sql.Renew(), sql.Fence(), sql.Finish(), sql.Release(), sql.SeedLock!, sql.SeedBounds(), sql.SeedInsert(), sql.Reopen(), sql.Settle(),
            sql.InstanceBeat(), sql.InstanceRemove(), sql.StatusCounts(), sql.StatusChunks(), sql.StatusInstances()];
        foreach (var statement in rest) yield return statement;
    }

    public static TheoryData<string> GeneratorNames() => [.. Generators.Keys];

    [Theory]
    [MemberData(nameof(GeneratorNames))]
    public void EveryStatement_ParsesWithoutErrors(string generator)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var count = 0;
        foreach (var contract in Contracts())
        {
            foreach (var sql in Generators[generator](contract))
            {
                using var reader = new StringReader(sql);
                var fragment = parser.Parse(reader, out var errors);
                Assert.True(errors.Count == 0, $"{generator} ({contract.Name}): {string.Join("; ", errors.Select(e => $"line {e.Line} col {e.Column}: {e.Message}"))}\n{sql}");
                Assert.NotEmpty(((TSqlScript)fragment).Batches.SelectMany(b => b.Statements));
                count++;
            }
        }
        Assert.True(count > 0, $"{generator} produced no statement");
    }

    [Fact]
    public void TheParser_RejectsBrokenSql_SoThePassingTestsMeanSomething()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var broken = SqlServerSourceLoader.MergeSql(TinyContract.Compiled, replace: false).Replace("WHEN NOT MATCHED", "WHEN NOT MATHCED", StringComparison.Ordinal);

        parser.Parse(new StringReader(broken), out var errors);

        Assert.NotEmpty(errors);
    }
}

using Microsoft.SqlServer.TransactSql.ScriptDom;
using XmlShred.Fleet;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Fleet;

/// <summary>
/// SQL Server cannot run here: the claim statements are checked as text (the hints and clauses that make a work
/// queue safe) and parsed by Microsoft's own T-SQL parser. The integration suite runs them when XMLSHRED_SQLSERVER is set.
/// </summary>
public class SqlServerClaimSqlTests
{
    private static readonly SqlServerClaimDialect s_sql = new(TinyContract.Compiled);
    private static readonly WorkFilter s_selected = new(new SourceSelection { AppIdStart = 10, AppIdEnd = 99, PartitionIndex = 1, PartitionCount = 3 }, false);

    private static void AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql);
    }

    public static TheoryData<string, string> Statements()
    {
        var data = new TheoryData<string, string>();
        var retry = new WorkFilter(SourceSelection.All, true);
        foreach (var (name, sql) in new[]
        {
            ("claim", s_sql.Claim(WorkFilter.Everything)), ("claim selected", s_sql.Claim(s_selected)), ("claim retry", s_sql.Claim(retry)),
            ("renew", s_sql.Renew()), ("fence", s_sql.Fence()), ("finish", s_sql.Finish()), ("release", s_sql.Release()), ("live work", s_sql.LiveWorkElsewhere(s_selected)),
            ("seed lock", s_sql.SeedLock!), ("seed bounds", s_sql.SeedBounds()), ("seed insert", s_sql.SeedInsert()), ("reopen", s_sql.Reopen()), ("settle", s_sql.Settle()),
            ("instance beat", s_sql.InstanceBeat()), ("instance remove", s_sql.InstanceRemove()),
            ("status counts", s_sql.StatusCounts()), ("status chunks", s_sql.StatusChunks()), ("status instances", s_sql.StatusInstances()),
        })
            data.Add(name, sql);
        foreach (var (statement, i) in s_sql.Ddl().Select((s, i) => (s, i))) data.Add("ddl " + i, statement);
        return data;
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void EveryClaimStatement_ParsesAsTsql(string name, string sql)
    {
        Assert.False(string.IsNullOrWhiteSpace(name));
        AssertParses(sql);
    }

    [Fact]
    public void Claim_SkipsRowsOthersHold_AndUpdatesThroughATopOneCte()
    {
        var claim = s_sql.Claim(WorkFilter.Everything);

        Assert.Contains("SELECT TOP (1) * FROM [test].[xmlshred_chunk] WITH (UPDLOCK, READPAST, ROWLOCK, READCOMMITTEDLOCK)", claim);
        Assert.Contains("ORDER BY chunk_id)", claim);
        Assert.Contains("UPDATE next_chunk", claim);
        Assert.Contains("fence = fence + 1, attempts = attempts + @attempt", claim);
        Assert.Contains("lease_expires_at = DATEADD(millisecond, @lease_ms, SYSUTCDATETIME())", claim);
        Assert.Contains("OUTPUT inserted.chunk_id, inserted.chunk_start, inserted.chunk_end, inserted.fence", claim);
        Assert.Contains("(state = 'pending' OR (state = 'claimed' AND lease_expires_at < SYSUTCDATETIME()))", claim);
        Assert.Contains("attempts < @max_attempts", claim);
        Assert.DoesNotContain("GETDATE", claim); // UTC database time only
    }

    [Fact]
    public void Claim_OnlyTakesChunksHoldingWorkForTheSelection()
    {
        var claim = s_sql.Claim(s_selected);

        Assert.Contains("chunk_end > @sel_start AND chunk_start <= @sel_end", claim);
        Assert.Contains("EXISTS (SELECT 1 FROM [test].[app_xml_staging] s WHERE s.[app_id] >= chunk_start AND s.[app_id] < chunk_end AND s.[app_XML] IS NOT NULL", claim);
        Assert.Contains("s.[app_id] % @sel_parts = @sel_part", claim);
        Assert.Contains("NOT EXISTS (SELECT 1 FROM [test].[processing_log] AS l WHERE l.[app_id] = s.[app_id])", claim);
    }

    [Fact]
    public void RetryClaim_AlsoTakesDoneChunks_WhereAFailedRowIsTheWork()
    {
        var claim = s_sql.Claim(new WorkFilter(SourceSelection.All, true));

        Assert.Contains("state IN ('pending', 'done')", claim);
        Assert.Contains("l.[status] = 'failed'", claim);
        Assert.DoesNotContain("@retry_run", claim); // without a run id every failed row is work
        Assert.Contains("AND (l.[run_id] IS NULL OR l.[run_id] <> @retry_run)", s_sql.Claim(new WorkFilter(SourceSelection.All, true, "r1"))); // not this run's own failures
    }

    [Fact]
    public void RenewFinishRelease_MatchOwnerAndFence_SoAStaleHolderChangesNothing()
    {
        foreach (var sql in new[] { s_sql.Renew(), s_sql.Finish(), s_sql.Release() })
            Assert.EndsWith("WHERE chunk_id = @chunk_id AND owner = @owner AND fence = @fence AND state = 'claimed'", sql);
        Assert.Contains("SET heartbeat_at = SYSUTCDATETIME(), lease_expires_at = DATEADD(millisecond, @lease_ms, SYSUTCDATETIME())", s_sql.Renew());
        Assert.Contains("CASE WHEN EXISTS (", s_sql.Finish());
    }

    [Fact]
    public void Seeding_HoldsATransactionScopedAppLock()
    {
        Assert.Equal("EXEC sp_getapplock @Resource = @seed_lock, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", s_sql.SeedLock);
        Assert.Contains("LEAD(b.app_id) OVER (ORDER BY b.app_id)", s_sql.SeedInsert());
    }

    [Fact]
    public void Ddl_HasASeekableIndexForTheClaim()
    {
        var ddl = s_sql.Ddl();

        Assert.Contains(ddl, s => s.Contains("CREATE INDEX [ix_xmlshred_chunk_state] ON [test].[xmlshred_chunk] (state, chunk_id) INCLUDE (lease_expires_at, attempts)"));
        Assert.Contains(ddl, s => s.StartsWith("IF OBJECT_ID(N'[test].[xmlshred_chunk]', N'U') IS NULL\nCREATE TABLE", StringComparison.Ordinal) && s.Contains("lease_expires_at datetime2(3)"));
    }
}

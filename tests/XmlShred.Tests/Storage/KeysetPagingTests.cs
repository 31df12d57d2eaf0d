using Microsoft.Data.Sqlite;
using SQLitePCL;
using XmlShred.Storage;
using XmlShred.Storage.Sqlite;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage;

/// <summary>
/// A page of an app_id range (a claimed chunk, or --from/--to) seeks to the range instead of walking every row
/// below it: counted in SQLite virtual-machine steps, so the test needs no clock.
/// </summary>
public sealed class KeysetPagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFirstPageOfARangeHighInTheTable_IsReadWithoutWalkingTheRowsBelowIt()
    {
        await using var db = new SqlitePipelineDatabase();
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await db.Target.LoadSourceAsync(TinyContract.Compiled, Enumerable.Range(1, 5000).Select(id => new SourceDocument(id, TinyContract.Document(id))).ToList(), replace: false, Ct);
        var steps = new StepCounter();
        var reader = new KeysetSourceReader(SqliteDialect.Instance, _ => Task.FromResult<System.Data.Common.DbConnection>(steps.Open(db.Path)));

        var first = await reader.ReadPendingPagesAsync(TinyContract.Compiled, new SourceSelection { AppIdStart = 4991, AppIdEnd = 5000 }, 10, null, Ct).FirstAsync(Ct);

        Assert.Equal(Enumerable.Range(4991, 10).Select(i => (long)i), first.Select(d => d.AppId));
        // Ten rows cost a few hundred steps; walking the 4,990 rows below the range cost tens of thousands.
        Assert.InRange(steps.Hundreds, 0, 40);
    }

    /// <summary>Counts SQLite VM instructions, in hundreds, on the connections it opens.</summary>
    private sealed class StepCounter
    {
        public int Hundreds;

        public SqliteConnection Open(string path)
        {
            var connection = new SqliteConnection($"Data Source={path}");
            connection.Open();
            raw.sqlite3_progress_handler(connection.Handle, 100, _ => { Interlocked.Increment(ref Hundreds); return 0; }, null);
            return connection;
        }
    }
}

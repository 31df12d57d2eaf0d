using System.Text;
using Microsoft.Data.Sqlite;
using XmlShred.Storage;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// The source reader charges each document to the admission from its stored size before it reads the text, ends a
/// page at a row that does not fit, and waits for that row's charge with no query open.
/// </summary>
public sealed class SourceAdmissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachRowIsChargedFromItsStoredBytes_AndCarriesItsCharge()
    {
        await using var db = new SqlitePipelineDatabase();
        var documents = await LoadAsync(db, 1, 2, 3);
        var admission = new RecordingAdmission();

        var pages = await ReadAllAsync(db, admission, pageSize: 10);

        var read = Assert.Single(pages);
        Assert.Equal(documents.Select(d => (long)Encoding.UTF8.GetByteCount(d.Xml)), admission.Sized); // 'Renée': bytes, not characters
        Assert.Equal(admission.Sized.Select(b => b + 1000L), read.Select(d => d.Admitted));
        Assert.Equal(documents.Select(d => d.Xml), read.Select(d => d.Xml));
        Assert.Empty(admission.Released);
    }

    [Fact]
    public async Task ARowThatDoesNotFit_EndsThePage_AndIsAwaitedWithNoReadOpen()
    {
        await using var db = new SqlitePipelineDatabase();
        await LoadAsync(db, 1, 2, 3, 4, 5);
        var checkpointBusy = new List<long>();
        var admission = new RecordingAdmission
        {
            RefuseOnce = 3,
            // While the reader waits for room, a full WAL checkpoint must not be blocked by an open read.
            OnWait = () => checkpointBusy.Add(Checkpoint(db.Path)),
        };

        var pages = await ReadAllAsync(db, admission, pageSize: 10);

        Assert.Equal([[1L, 2L], [3L, 4L, 5L]], pages.Select(p => p.Select(d => d.AppId).ToList()).ToList());
        Assert.Equal(["page 1,2", "wait 3", "page 3,4,5"], admission.Events.Where(e => !e.StartsWith("try", StringComparison.Ordinal)));
        Assert.Equal([0L], checkpointBusy);
        Assert.All(pages.SelectMany(p => p), d => Assert.True(d.Admitted > 0));
        Assert.Empty(admission.Released); // the charge awaited for row 3 went to row 3
    }

    [Fact]
    public async Task ChargesOfAPageNeverHandedOn_AreGivenBack()
    {
        await using var db = new SqlitePipelineDatabase();
        await LoadAsync(db, 1, 2, 3);
        var admission = new RecordingAdmission { FailAt = 3 }; // the page breaks while its third row is charged

        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAllAsync(db, admission, pageSize: 3));

        Assert.Equal([admission.Charged[1], admission.Charged[2]], admission.Released);
    }

    private static long Checkpoint(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0); // 1 when a reader or writer kept it from finishing
    }

    private static async Task<List<SourceDocument>> LoadAsync(SqlitePipelineDatabase db, params long[] ids)
    {
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        var documents = ids.Select(id => new SourceDocument(id, TinyContract.Document(id, "Renée" + new string('x', (int)id * 100)))).ToList();
        await db.Target.LoadSourceAsync(TinyContract.Compiled, documents, replace: false, Ct);
        return documents;
    }

    private static async Task<List<IReadOnlyList<SourceDocument>>> ReadAllAsync(SqlitePipelineDatabase db, RecordingAdmission admission, int pageSize)
    {
        var pages = new List<IReadOnlyList<SourceDocument>>();
        await foreach (var page in db.Target.ReadPendingPagesAsync(TinyContract.Compiled, new SourceSelection(), pageSize, admission, Ct))
        {
            admission.Events.Add("page " + string.Join(',', page.Select(d => d.AppId)));
            pages.Add(page);
        }
        return pages;
    }

    /// <summary>Admits everything (cost = stored bytes + 1000) except as told; records what it was asked.</summary>
    private sealed class RecordingAdmission : ISourceAdmission
    {
        private long _rows;

        public List<long> Sized { get; } = [];
        public List<string> Events { get; } = [];
        public Dictionary<long, long> Charged { get; } = [];
        public List<long> Released { get; } = [];
        public long RefuseOnce { get; init; }
        public long FailAt { get; init; }
        public Action? OnWait { get; init; }

        public long Cost(long storedBytes)
        {
            Sized.Add(storedBytes);
            return storedBytes + 1000;
        }

        public bool TryAdmit(long cost)
        {
            var row = ++_rows;
            Events.Add("try " + row);
            if (row == FailAt) throw new InvalidOperationException("admission broke");
            if (row == RefuseOnce) return false;
            Charged[row] = cost;
            return true;
        }

        public ValueTask AdmitAsync(long cost, CancellationToken cancellationToken)
        {
            Events.Add("wait " + _rows);
            OnWait?.Invoke();
            Charged[_rows] = cost;
            return ValueTask.CompletedTask;
        }

        public void Release(long cost) => Released.Add(cost);
    }
}

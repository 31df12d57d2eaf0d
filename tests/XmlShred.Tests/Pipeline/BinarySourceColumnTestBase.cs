using System.Text;
using XmlShred.Pipeline;
using XmlShred.Storage;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// A source table whose XML column a user created as bytes (SQLite BLOB, PostgreSQL bytea, SQL Server varbinary).
/// Each row is decoded by the XML rules: byte-order mark, else the declaration's encoding, else UTF-8. A row whose
/// bytes do not decode fails alone with a reason; nothing is stored with U+FFFD in place of what was there.
/// </summary>
public abstract class BinarySourceColumnTestBase
{
    protected abstract PipelineDatabase CreateDatabase();

    /// <summary>Drops the contract's source table and creates it again with a binary XML column.</summary>
    protected abstract Task RecreateSourceAsBinaryAsync(PipelineDatabase db);

    /// <summary>An INSERT of one source row with these exact bytes.</summary>
    protected abstract string InsertBytesSql(long appId, byte[] bytes);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    static BinarySourceColumnTestBase() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Xml(long appId, string name, string? declaredEncoding = null)
    {
        var body = TinyContract.Document(appId, name, null, (appId * 10, "Zoë"));
        return declaredEncoding is null ? body : $"<?xml version=\"1.0\" encoding=\"{declaredEncoding}\"?>\n{body}";
    }

    private static byte[] WithBom(Encoding encoding, string text) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    private async Task<PipelineDatabase> PreparedAsync(params (long AppId, byte[] Bytes)[] rows)
    {
        var db = CreateDatabase();
        await db.Target.EnsureSchemaAsync(TinyContract.Compiled, Ct);
        await RecreateSourceAsBinaryAsync(db);
        foreach (var (appId, bytes) in rows) await db.ExecuteAsync(InsertBytesSql(appId, bytes));
        return db;
    }

    private static async Task<RunSummary> RunAsync(PipelineDatabase db)
    {
        using var metrics = new PipelineMetrics();
        return await PipelineRunner.RunAsync(db.Target, TinyContract.Compiled, TinyContract.Map, new RunOptions { Workers = 2, BatchSize = 10 }, metrics, CancellationToken.None, Ct);
    }

    [Fact]
    public async Task EveryEncodingTheXmlRulesDetect_IsDecodedAndStoredFaithfully()
    {
        var latin1 = Encoding.Latin1;
        await using var db = await PreparedAsync(
            (1, Encoding.UTF8.GetBytes(Xml(1, "José Müller"))),                                       // no BOM, no declaration: UTF-8
            (2, WithBom(Encoding.UTF8, Xml(2, "José Müller"))),                                       // UTF-8 BOM
            (3, latin1.GetBytes(Xml(3, "José Müller", "ISO-8859-1"))),                                // declaration only
            (4, WithBom(Encoding.Unicode, Xml(4, "José Müller"))),                                    // UTF-16 LE BOM
            (5, WithBom(Encoding.BigEndianUnicode, Xml(5, "José Müller", "UTF-16"))),                 // UTF-16 BE BOM and declaration
            (6, Encoding.GetEncoding(1252).GetBytes(Xml(6, "José Müller – €", "windows-1252"))));     // a legacy code page

        var summary = await RunAsync(db);

        Assert.Equal((6, 0), (summary.Succeeded, summary.Failed));
        var names = await db.QueryAsync("SELECT app_id, name FROM app_base ORDER BY app_id");
        Assert.Equal(["José Müller", "José Müller", "José Müller", "José Müller", "José Müller", "José Müller – €"], names.Select(r => (string)r[1]!));
        Assert.Equal(6, await db.ScalarAsync("SELECT COUNT(*) FROM app_contact_base WHERE first_name = 'Zoë'"));
    }

    [Fact]
    public async Task BytesThatDoNotDecode_FailThatDocumentAlone_WithTheReason()
    {
        var broken = Encoding.UTF8.GetBytes(Xml(2, "José"));
        var at = Array.IndexOf(broken, (byte)'J');
        broken[at + 1] = 0xFF; // never valid in UTF-8
        await using var db = await PreparedAsync(
            (1, Encoding.UTF8.GetBytes(Xml(1, "ok"))),
            (2, broken),
            (3, Encoding.UTF8.GetBytes(Xml(3, "ok"))));

        var summary = await RunAsync(db);

        Assert.Equal((2, 1, RunOutcome.SomeApplicationsFailed), (summary.Succeeded, summary.Failed, summary.Outcome));
        var failed = Assert.Single(await db.QueryAsync("SELECT app_id, stage, failure_reason FROM processing_log WHERE status = 'failed'"));
        Assert.Equal(2L, failed[0]);
        Assert.Equal("parsing", failed[1]);
        Assert.Contains("0xFF", (string)failed[2]!);
        Assert.Contains("utf-8", (string)failed[2]!);
        Assert.Equal([[1L], [3L]], await db.QueryAsync("SELECT app_id FROM app_base ORDER BY app_id"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM app_base WHERE name LIKE '%\uFFFD%'"));
    }

    [Fact]
    public async Task DeclaredEncodingThatDoesNotExist_FailsThatDocumentWithTheReason()
    {
        await using var db = await PreparedAsync(
            (1, Encoding.UTF8.GetBytes(Xml(1, "ok", "x-no-such-encoding"))),
            (2, Encoding.UTF8.GetBytes(Xml(2, "ok"))));

        var summary = await RunAsync(db);

        Assert.Equal((1, 1), (summary.Succeeded, summary.Failed));
        var failed = Assert.Single(await db.QueryAsync("SELECT app_id, stage, failure_reason FROM processing_log WHERE status = 'failed'"));
        Assert.Equal(1L, failed[0]);
        Assert.Equal("parsing", failed[1]);
        Assert.Contains("encoding", (string)failed[2]!, StringComparison.OrdinalIgnoreCase);
    }
}

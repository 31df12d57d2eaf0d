using System.Data.Common;
using System.Globalization;
using XmlShred.Contract;
using XmlShred.Mapping;
using XmlShred.Storage;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Storage;

/// <summary>
/// What every relational target must do with batches (OUTPUT-5, OUTPUT-6) and the source table, asserted through the
/// database itself. Subclassed per dialect; each test works in a schema of its own.
/// </summary>
public abstract class TargetDatabaseConformanceTests
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<ITargetDatabase> CreateDatabaseAsync();
    protected abstract Task<DbConnection> OpenConnectionAsync();
    protected abstract string Quote(string identifier);
    /// <summary>The dialect's statement that gives <paramref name="column"/> a DEFAULT of <paramref name="value"/>.</summary>
    protected abstract string SetDefaultSql(string qualifiedTable, string column, int value);

    private static string NewSchema() => "t" + Guid.NewGuid().ToString("N")[..12];

    private async Task<(ITargetDatabase Db, CompiledContract Contract)> ReadyAsync()
    {
        var db = await CreateDatabaseAsync();
        var contract = StorageTestContract.Build(NewSchema());
        await db.EnsureSchemaAsync(contract, Ct);
        return (db, contract);
    }

    [Fact]
    public async Task EnsureSchema_RunTwice_KeepsTablesAndRows()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        await using (var writer = await db.OpenWriterAsync(contract, Ct))
            await writer.WriteBatchAsync([StorageTestContract.App(contract, 1)], Ct);

        await db.EnsureSchemaAsync(contract, Ct);

        Assert.Equal(1L, await ScalarAsync(contract, $"SELECT COUNT(*) FROM {T(contract, "app_base")}"));
        foreach (var table in contract.Tables.Select(t => t.Name).Append(contract.ProcessingLogTable).Append(contract.SourceTable))
            Assert.NotNull(await ScalarAsync(contract, $"SELECT COUNT(*) FROM {T(contract, table)}"));
    }

    [Theory]
    [InlineData("example")]
    [InlineData("mapping_contract_cc.json")]
    [InlineData("mapping_contract_rl.json")]
    public async Task EnsureSchema_ReferenceContract_CreatesEveryTable(string file)
    {
        var loaded = ContractLoader.LoadFile(file == "example" ? Synthetic.ExampleFiles.ContractPath : SharedReference.Path("contracts", file));
        var contract = new CompiledContract
        {
            Name = loaded.Name, Hash = loaded.Hash, SourceTable = loaded.SourceTable, SourceColumn = loaded.SourceColumn,
            ApplicationElement = loaded.ApplicationElement, TargetSchema = NewSchema(), RootElement = loaded.RootElement, Tables = loaded.Tables, RootTable = loaded.RootTable,
            ContactRule = loaded.ContactRule, AddressRule = loaded.AddressRule, EmploymentRule = loaded.EmploymentRule,
            ContactTable = loaded.ContactTable, AddressTable = loaded.AddressTable, EmploymentTable = loaded.EmploymentTable,
            RelationshipContactElement = loaded.RelationshipContactElement, RelationshipAddressElement = loaded.RelationshipAddressElement,
            EnumMaps = loaded.EnumMaps, CharToBit = loaded.CharToBit, BooleanToBit = loaded.BooleanToBit,
        };
        await using var db = await CreateDatabaseAsync();

        await db.EnsureSchemaAsync(contract, Ct);
        await db.EnsureSchemaAsync(contract, Ct);

        foreach (var table in contract.Tables)
            Assert.Equal(0L, await ScalarAsync(contract, $"SELECT COUNT(*) FROM {T(contract, table.Name)}"));
    }

    [Fact]
    public async Task WriteBatch_EveryValueType_RoundTripsAndEmptyStringIsNull()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        var longText = new string('x', 5000);
        string[] columns = ["app_id", "int_col", "small_col", "tiny_col", "big_col", "dec_col", "dec_default", "float_col", "bit_col", "bool_col", "dt_col", "date_col", "short_text", "long_text"];
        object?[] full = [1L, -42L, -7L, 200L, 9_000_000_000L, 12.345m, 1.50m, 2.5d, 1L, 0L, new DateTime(2024, 2, 29, 13, 45, 10), new DateTime(2024, 3, 1), "", longText];
        object?[] empty = [2L, null, null, null, null, null, null, null, null, null, null, null, null, null];

        await using (var writer = await db.OpenWriterAsync(contract, Ct))
            await writer.WriteBatchAsync([
                StorageTestContract.App(contract, 1, ("app_values", columns, [full])),
                StorageTestContract.App(contract, 2, ("app_values", columns, [empty]))], Ct);

        var rows = await RowsAsync(contract, $"SELECT {string.Join(", ", columns.Select(Quote))} FROM {T(contract, "app_values")} ORDER BY {Quote("app_id")}");
        Assert.Equal(2, rows.Count);
        object?[] expected = [1L, -42L, -7L, 200L, 9_000_000_000L, 12.345m, 1.50m, 2.5d, 1L, 0L, new DateTime(2024, 2, 29, 13, 45, 10), new DateTime(2024, 3, 1), null, longText];
        Assert.Equal(expected, rows[0]);
        Assert.Equal("1.50", ((decimal)rows[0][6]!).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(new object?[] { 2L }.Concat(Enumerable.Repeat<object?>(null, 13)), rows[1]);
    }

    [Fact]
    public async Task WriteBatch_ApplicationsFillingDifferentColumns_MissingColumnsGetTheDatabaseDefaultOrNull()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        await ExecuteAsync(SetDefaultSql(T(contract, "app_values"), "small_col", 5));
        await using (var writer = await db.OpenWriterAsync(contract, Ct))
            await writer.WriteBatchAsync([
                StorageTestContract.App(contract, 1, ("app_values", ["app_id", "small_col", "int_col"], [[1L, 7L, 70L]])),
                StorageTestContract.App(contract, 2, ("app_values", ["app_id", "short_text"], [[2L, "two"]])),
                StorageTestContract.App(contract, 3, ("app_values", ["app_id", "int_col", "small_col"], [[3L, 30L, null]]))], Ct);

        var rows = await RowsAsync(contract, $"SELECT {Quote("app_id")}, {Quote("small_col")}, {Quote("int_col")}, {Quote("short_text")} FROM {T(contract, "app_values")} ORDER BY {Quote("app_id")}");

        Assert.Equal([[1L, 7L, 70L, null], [2L, 5L, null, "two"], [3L, null, 30L, null]], rows);
    }

    [Fact]
    public async Task WriteBatch_ContactSharedAcrossApplications_KeepsFirstRowWithinAndAcrossBatches()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        string[] cols = ["con_id", "app_id", "first_name"];
        await using (var writer = await db.OpenWriterAsync(contract, Ct))
        {
            await writer.WriteBatchAsync([
                StorageTestContract.App(contract, 1, ("app_contact_base", cols, [[7L, 1L, "first"]])),
                StorageTestContract.App(contract, 2, ("app_contact_base", cols, [[7L, 2L, "second"], [8L, 2L, "other"]]))], Ct);
            await writer.WriteBatchAsync([StorageTestContract.App(contract, 3, ("app_contact_base", cols, [[7L, 3L, "third"]]))], Ct);
        }

        var rows = await RowsAsync(contract, $"SELECT {Quote("con_id")}, {Quote("app_id")}, {Quote("first_name")} FROM {T(contract, "app_contact_base")} ORDER BY {Quote("con_id")}");
        Assert.Equal([[7L, 1L, "first"], [8L, 2L, "other"]], rows);
        Assert.Equal(3L, await ScalarAsync(contract, $"SELECT COUNT(*) FROM {T(contract, contract.ProcessingLogTable)} WHERE status = 'success'"));
    }

    [Fact]
    public async Task WriteBatch_AddressPairs_FirstRowPerConIdAndTypeKept()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        string[] contactCols = ["con_id", "app_id", "first_name"];
        string[] addressCols = ["con_id", "address_type_enum", "city"];
        await using (var writer = await db.OpenWriterAsync(contract, Ct))
        {
            await writer.WriteBatchAsync([StorageTestContract.App(contract, 1,
                ("app_contact_base", contactCols, [[7L, 1L, "Ann"]]),
                ("app_contact_address", addressCols, [[7L, 1L, "A"], [7L, 1L, "B"], [7L, 2L, "C"]]))], Ct);
            await writer.WriteBatchAsync([StorageTestContract.App(contract, 2,
                ("app_contact_base", contactCols, [[7L, 2L, "Ann again"]]),
                ("app_contact_address", addressCols, [[7L, 1L, "D"], [7L, 3L, "E"]]))], Ct);
        }

        var rows = await RowsAsync(contract, $"SELECT {Quote("con_id")}, {Quote("address_type_enum")}, {Quote("city")} FROM {T(contract, "app_contact_address")} ORDER BY {Quote("address_type_enum")}");
        Assert.Equal([[7L, 1L, "A"], [7L, 2L, "C"], [7L, 3L, "E"]], rows);
    }

    [Fact]
    public async Task WriteBatch_ScoreUpsert_LastRowWinsAndStoredRowsAreUpdated()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        string[] cols = ["app_id", "score_identifier", "score"];
        await using (var writer = await db.OpenWriterAsync(contract, Ct))
        {
            await writer.WriteBatchAsync([StorageTestContract.App(contract, 1, ("scores", cols, [[1L, "V4", 500L], [1L, "V4", 600L], [1L, "AJ", 10L]]))], Ct);
            // A later application that only carries scores for stored keys (no app_base row) must update, not fail on
            // the key. (Application 1 itself is never written twice: its log row is the exactly-once gate.)
            var scoresOnly = MappingResult.Mapped(2, [StorageTestContract.Table(contract, "scores", cols, [1L, "V4", 700L], [1L, "EX", 5L])], []);
            await writer.WriteBatchAsync([new ApplicationWrite(2, scoresOnly, StorageTestContract.Log(contract, 2, ProcessingLogEntry.Success))], Ct);
        }

        var rows = await RowsAsync(contract, $"SELECT {Quote("score_identifier")}, {Quote("score")} FROM {T(contract, "scores")} ORDER BY {Quote("score_identifier")}");
        Assert.Equal([["AJ", 10L], ["EX", 5L], ["V4", 700L]], rows);
    }

    [Fact]
    public async Task WriteBatch_OneApplicationFails_RollsBackTheWholeBatchThrowsAndWriterStaysUsable()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        string[] cols = ["app_id", "short_text"];
        await using var writer = await db.OpenWriterAsync(contract, Ct);
        var good = StorageTestContract.App(contract, 10, ("app_values", cols, [[10L, "fits"]]));
        var poison = StorageTestContract.App(contract, 11, ("app_values", cols, [[11L, "far too long for ten"]]));

        await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteBatchAsync([good, poison], Ct));

        Assert.Equal(0L, await ScalarAsync(contract, $"SELECT COUNT(*) FROM {T(contract, "app_base")}"));
        Assert.Equal(0L, await ScalarAsync(contract, $"SELECT COUNT(*) FROM {T(contract, contract.ProcessingLogTable)}"));

        await writer.WriteBatchAsync([good], Ct);
        await writer.WriteFailuresAsync([StorageTestContract.Log(contract, 11, ProcessingLogEntry.Failed, "insertion: value too long")], Ct);
        Assert.Equal(1L, await ScalarAsync(contract, $"SELECT COUNT(*) FROM {T(contract, "app_base")}"));
        var log = await RowsAsync(contract, $"SELECT app_id, status, failure_reason, session_id, processing_time FROM {T(contract, contract.ProcessingLogTable)} ORDER BY app_id");
        Assert.Equal([10L, "success", null, "20261128_120000", new DateTime(2026, 11, 28, 12, 0, 0)], log[0]);
        Assert.Equal([11L, "failed", "insertion: value too long", "20261128_120000", new DateTime(2026, 11, 28, 12, 0, 0)], log[1]);
    }

    [Fact]
    public async Task WriteBatch_ContactChildWithoutContact_FailsOnForeignKey()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        await using var writer = await db.OpenWriterAsync(contract, Ct);
        var orphan = StorageTestContract.App(contract, 1, ("app_contact_address", ["con_id", "address_type_enum", "city"], [[99L, 1L, "X"]]));

        await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteBatchAsync([orphan], Ct));

        Assert.Equal(0L, await ScalarAsync(contract, $"SELECT COUNT(*) FROM {T(contract, "app_base")}"));
    }

    [Fact]
    public async Task ReadPendingPages_KeysetPagesSkipProcessedAndApplySelection()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        await InsertSourceAsync(contract, Enumerable.Range(1, 25).Select(i => ((long)i, (string?)$"<x id='{i}'/>")).Append((26L, null)));
        await using (var writer = await db.OpenWriterAsync(contract, Ct))
            await writer.WriteFailuresAsync([StorageTestContract.Log(contract, 3, ProcessingLogEntry.Failed, "validation: x"), StorageTestContract.Log(contract, 4, ProcessingLogEntry.Success)], Ct);

        var pages = await PagesAsync(db, contract, SourceSelection.All, 10);
        Assert.Equal([10, 10, 3], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(1, 25).Where(i => i is not (3 or 4)).Select(i => (long)i), pages.SelectMany(p => p).Select(d => d.AppId));
        Assert.Equal("<x id='5'/>", pages[0][2].Xml);

        var shard = await PagesAsync(db, contract, new SourceSelection { AppIdStart = 5, AppIdEnd = 15, PartitionCount = 2, PartitionIndex = 0 }, 2);
        Assert.Equal([6L, 8L, 10L, 12L, 14L], shard.SelectMany(p => p).Select(d => d.AppId));

        var limited = await PagesAsync(db, contract, new SourceSelection { Limit = 4 }, 3);
        Assert.Equal([1L, 2L, 5L, 6L], limited.SelectMany(p => p).Select(d => d.AppId));
    }

    [Fact]
    public async Task CountPending_MatchesWhatTheReaderWouldReturn()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        await db.LoadSourceAsync(contract, Enumerable.Range(1, 12).Select(i => new SourceDocument(i, "<x/>")).ToList(), replace: false, Ct);
        await using (var writer = await db.OpenWriterAsync(contract, Ct))
            await writer.WriteFailuresAsync([StorageTestContract.Log(contract, 2, ProcessingLogEntry.Failed, "validation: x")], Ct);

        Assert.Equal(11L, await db.CountPendingAsync(contract, SourceSelection.All, Ct));
        Assert.Equal(2L, await db.CountPendingAsync(contract, new SourceSelection { AppIdStart = 1, AppIdEnd = 6, PartitionCount = 2, PartitionIndex = 0 }, Ct));
        Assert.Equal(5L, await db.CountPendingAsync(contract, new SourceSelection { Limit = 5 }, Ct));
    }

    [Fact]
    public async Task LoadSource_SkipsExistingUnlessReplace()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;

        var first = await db.LoadSourceAsync(contract, [new SourceDocument(1, "<a/>"), new SourceDocument(2, "<b/>")], replace: false, Ct);
        var again = await db.LoadSourceAsync(contract, [new SourceDocument(2, "<b2/>"), new SourceDocument(3, "<c/>")], replace: false, Ct);
        var replaced = await db.LoadSourceAsync(contract, [new SourceDocument(1, "<a2/>")], replace: true, Ct);

        Assert.Equal(new SourceLoadResult(2, 0, 0), first);
        Assert.Equal(new SourceLoadResult(1, 0, 1), again);
        Assert.Equal(new SourceLoadResult(0, 1, 0), replaced);
        var pages = await PagesAsync(db, contract, SourceSelection.All, 10);
        Assert.Equal(["<a2/>", "<b/>", "<c/>"], pages.SelectMany(p => p).Select(d => d.Xml));
    }

    [Fact]
    public async Task ClassifyFailure_ConstraintAndDataErrorsAreTheApplications()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        await using var writer = await db.OpenWriterAsync(contract, Ct);
        await writer.WriteBatchAsync([StorageTestContract.App(contract, 1)], Ct);

        // Another application (log row 4) whose rows collide with application 1's key.
        var collision = StorageTestContract.App(contract, 1) with { AppId = 4, Log = StorageTestContract.Log(contract, 4, ProcessingLogEntry.Success) };
        var duplicate = await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteBatchAsync([collision], Ct));
        var tooLong = await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteBatchAsync(
            [StorageTestContract.App(contract, 2, ("app_values", ["app_id", "short_text"], [[2L, "far too long for ten"]]))], Ct));
        var overflow = await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteBatchAsync(
            [StorageTestContract.App(contract, 3, ("app_values", ["app_id", "small_col"], [[3L, 70000L]]))], Ct));

        Assert.Equal(WriteFailureKind.ConstraintViolation, db.ClassifyFailure(duplicate));
        Assert.Equal(WriteFailureKind.Database, db.ClassifyFailure(tooLong));
        Assert.Equal(WriteFailureKind.Database, db.ClassifyFailure(overflow));
        Assert.Equal(WriteFailureKind.Fatal, db.ClassifyFailure(new TimeoutException()));
    }

    [Fact]
    public async Task WriteBatch_ReportsRowsWritten()
    {
        var (db, contract) = await ReadyAsync();
        await using var _ = db;
        await using var writer = await db.OpenWriterAsync(contract, Ct);

        var timings = await writer.WriteBatchAsync([
            StorageTestContract.App(contract, 1, ("scores", ["app_id", "score_identifier", "score"], [[1L, "V4", 1L], [1L, "AJ", 2L]])),
            StorageTestContract.App(contract, 2)], Ct);

        Assert.Equal(2 + 2 + 2, timings.RowsWritten); // two app_base rows, two scores, two log rows
    }

    private static async Task<List<IReadOnlyList<SourceDocument>>> PagesAsync(ITargetDatabase db, CompiledContract contract, SourceSelection selection, int pageSize)
    {
        var pages = new List<IReadOnlyList<SourceDocument>>();
        await foreach (var page in db.ReadPendingPagesAsync(contract, selection, pageSize, Ct)) pages.Add(page);
        return pages;
    }

    private string T(CompiledContract contract, string table) => Quote(contract.TargetSchema) + "." + Quote(table);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task InsertSourceAsync(CompiledContract contract, IEnumerable<(long AppId, string? Xml)> rows)
    {
        await using var connection = await OpenConnectionAsync();
        foreach (var (appId, xml) in rows)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO {T(contract, contract.SourceTable)} (app_id, {Quote(contract.SourceColumn)}) VALUES (@id, @xml)";
            var id = command.CreateParameter();
            id.ParameterName = "id";
            id.Value = appId;
            var text = command.CreateParameter();
            text.ParameterName = "xml";
            text.DbType = System.Data.DbType.String;
            text.Value = (object?)xml ?? DBNull.Value;
            command.Parameters.Add(id);
            command.Parameters.Add(text);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }

    private async Task<object?> ScalarAsync(CompiledContract contract, string sql) => (await RowsAsync(contract, sql))[0][0];

    /// <summary>Rows with values normalised across drivers: integers and bits as long, DBNull as null.</summary>
    private async Task<List<object?[]>> RowsAsync(CompiledContract contract, string sql)
    {
        _ = contract;
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await DbRows.ReadAsync(command, Normalise, Ct);
    }

    private static object? Normalise(object value) => value switch
    {
        DBNull => null,
        bool b => b ? 1L : 0L,
        byte or short or int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => value,
    };
}

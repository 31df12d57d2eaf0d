using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// Reads pending source rows page by page over any dialect (see <see cref="SourceQuery"/>). A connection per page:
/// the pipeline may take a while between pages, and the pool keeps it cheap.
/// With an <see cref="ISourceAdmission"/>, rows are read one at a time (sequential access) and each is charged from
/// its stored size before its text is materialised. A row that does not fit ends the page early; the charge is then
/// awaited with no query open (a SQLite reader left open would pin the WAL while the writer commits), and the next
/// page starts at that row. Waiting only with an empty hand means every charge held belongs to a document already
/// handed on, which the pipeline drains, so the wait always ends.
/// </summary>
internal sealed class KeysetSourceReader(ISqlDialect dialect, Func<CancellationToken, Task<DbConnection>> open)
{
    public async IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(
        CompiledContract contract, SourceSelection selection, int pageSize, ISourceAdmission? admission,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var sql = SourceQuery.Page(dialect, contract, selection);
        var state = new PageState(admission) { Last = FirstKey(selection) };
        var remaining = selection.Limit ?? long.MaxValue;
        try
        {
            while (remaining > 0)
            {
                await state.AwaitBlockedAsync(cancellationToken);
                var wanted = (int)Math.Min(pageSize, remaining);
                var page = await ReadPageAsync(sql, selection, wanted, state, cancellationToken);
                if (page.Count > 0)
                {
                    state.Last = page[^1].AppId;
                    remaining -= page.Count;
                    yield return page;
                }
                if (state.BlockedCost == 0 && page.Count < wanted) yield break;
            }
        }
        finally
        {
            state.ReleaseReserved();
        }
    }

    /// <summary>
    /// The keyset position before the first page: just below the selection's first app_id. Starting from the lowest
    /// possible id instead left two lower bounds on app_id, and SQLite seeks by the looser one: the first page of a
    /// chunk at app_id 700,000 walked 700,000 rows (0.6–0.9 s on a 14 GB source), so a long run slowed as it went.
    /// </summary>
    internal static long FirstKey(SourceSelection selection) =>
        selection.AppIdStart is { } start && start > long.MinValue ? start - 1 : long.MinValue;

    private async Task<List<SourceDocument>> ReadPageAsync(string sql, SourceSelection selection, int wanted, PageState state, CancellationToken cancellationToken)
    {
        var page = new List<SourceDocument>(wanted);
        try
        {
            await using var connection = await open(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            SourceQuery.Add(command, SourceQuery.Last, state.Last);
            SourceQuery.Add(command, SourceQuery.PageSize, wanted);
            SourceQuery.Bind(command, selection);
            await using var reader = await command.ExecuteReaderAsync(dialect.PageBehavior, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // sequential access: columns strictly in order (app_id, stored size, XML)
                var appId = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                var stored = await reader.IsDBNullAsync(1, cancellationToken) ? 0 : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                if (!state.TryCharge(stored, out var charge)) break;
                try
                {
                    // A binary column (user-created BLOB, bytea, varbinary) is decoded by the XML rules on the worker.
                    var document = SourceColumn.IsBinary(reader, 2)
                        ? SourceDocument.FromBytes(appId, await reader.GetFieldValueAsync<byte[]>(2, cancellationToken))
                        : new SourceDocument(appId, await dialect.ReadTextAsync(reader, 2, cancellationToken));
                    page.Add(document with { Admitted = charge });
                }
                catch
                {
                    state.Release(charge);
                    throw;
                }
            }
        }
        catch
        {
            // never handed on: nobody else will give these charges back
            foreach (var document in page) state.Release(document.Admitted);
            throw;
        }
        return page;
    }

    /// <summary>The keyset position and the admission bookkeeping between pages.</summary>
    private sealed class PageState(ISourceAdmission? admission)
    {
        private long _reserved;

        public long Last { get; set; } = long.MinValue;

        /// <summary>The charge of the row that did not fit; awaited before the next page is queried.</summary>
        public long BlockedCost { get; private set; }

        public async Task AwaitBlockedAsync(CancellationToken cancellationToken)
        {
            if (BlockedCost == 0 || admission is null) return;
            await admission.AdmitAsync(BlockedCost, cancellationToken);
            _reserved = BlockedCost;
            BlockedCost = 0;
        }

        /// <summary>Charges a row (the reservation awaited for it first); false ends the page at this row.</summary>
        public bool TryCharge(long storedBytes, out long charge)
        {
            charge = 0;
            if (admission is null) return true;
            var cost = admission.Cost(storedBytes);
            if (_reserved >= cost)
            {
                charge = _reserved; // normally the very row it was awaited for
                _reserved = 0;
                return true;
            }
            ReleaseReserved(); // the row changed since (another instance took it): charge afresh
            if (!admission.TryAdmit(cost))
            {
                BlockedCost = cost;
                return false;
            }
            charge = cost;
            return true;
        }

        public void Release(long charge)
        {
            if (charge > 0) admission?.Release(charge);
        }

        public void ReleaseReserved()
        {
            Release(_reserved);
            _reserved = 0;
        }
    }

    /// <summary>The number of rows <see cref="ReadPendingPagesAsync"/> would return right now (limit applied).</summary>
    public async Task<long> CountPendingAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken)
    {
        var count = await CountAsync(SourceQuery.Count(dialect, contract, selection), selection, cancellationToken);
        return selection.Limit is { } limit ? Math.Min(limit, count) : count;
    }

    /// <summary>Source rows matching the selection (its limit aside) whose XML is NULL.</summary>
    public Task<long> CountNullXmlAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) =>
        CountAsync(SourceQuery.NullXmlCount(dialect, contract, selection), selection, cancellationToken);

    /// <summary>
    /// Which of <paramref name="appIds"/> already have a processing_log row (see <see cref="IProcessingLogLookup"/>).
    /// The ids are integers written into the SQL, in chunks, so no dialect's parameter limit applies.
    /// </summary>
    public async Task<IReadOnlySet<long>> LoggedAppIdsAsync(CompiledContract contract, IReadOnlyCollection<long> appIds, CancellationToken cancellationToken)
    {
        var logged = new HashSet<long>();
        if (appIds.Count == 0) return logged;
        await using var connection = await open(cancellationToken);
        foreach (var chunk in appIds.Distinct().Chunk(1000))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT DISTINCT app_id FROM {dialect.Qualified(contract.TargetSchema, contract.ProcessingLogTable)} "
                + $"WHERE app_id IN ({string.Join(',', chunk.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) logged.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return logged;
    }

    private async Task<long> CountAsync(string sql, SourceSelection selection, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        SourceQuery.Bind(command, selection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

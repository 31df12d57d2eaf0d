using System.Data.Common;
using System.Runtime.CompilerServices;
using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// Reads pending source rows page by page over any dialect (see <see cref="SourceQuery"/>). A connection per page:
/// the pipeline may take a while between pages, and the pool keeps it cheap.
/// </summary>
internal sealed class KeysetSourceReader(ISqlDialect dialect, Func<CancellationToken, Task<DbConnection>> open)
{
    public async IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(
        CompiledContract contract, SourceSelection selection, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var sql = SourceQuery.Page(dialect, contract, selection);
        var last = long.MinValue;
        var remaining = selection.Limit ?? long.MaxValue;
        while (remaining > 0)
        {
            var wanted = (int)Math.Min(pageSize, remaining);
            var page = new List<SourceDocument>(wanted);
            await using (var connection = await open(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = sql;
                command.CommandTimeout = 0;
                SourceQuery.Add(command, SourceQuery.Last, last);
                SourceQuery.Add(command, SourceQuery.PageSize, wanted);
                SourceQuery.Bind(command, selection);
                await using var reader = await command.ExecuteReaderAsync(dialect.PageBehavior, cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var appId = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
                    // A binary column (user-created BLOB, bytea, varbinary) is decoded by the XML rules on the worker.
                    page.Add(SourceColumn.IsBinary(reader, 1)
                        ? SourceDocument.FromBytes(appId, await reader.GetFieldValueAsync<byte[]>(1, cancellationToken))
                        : new SourceDocument(appId, await dialect.ReadTextAsync(reader, 1, cancellationToken)));
                }
            }
            if (page.Count == 0) yield break;
            last = page[^1].AppId;
            remaining -= page.Count;
            yield return page;
            if (page.Count < wanted) yield break;
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

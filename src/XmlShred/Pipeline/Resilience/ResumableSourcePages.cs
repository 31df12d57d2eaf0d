using System.Runtime.CompilerServices;
using XmlShred.Contract;
using XmlShred.Storage;

namespace XmlShred.Pipeline.Resilience;

/// <summary>
/// The source reader's pages, surviving a database restart: when reading a page fails with a transient fault, the
/// keyset read is opened again after the last app_id already handed on (the limit reduced by what was read), under
/// the same retry time as the writer. Pages skip logged app_ids anyway, so nothing is read twice or missed.
/// </summary>
internal static class ResumableSourcePages
{
    public static async IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadAsync(ITargetDatabase database, CompiledContract contract,
        SourceSelection selection, int pageSize, TransientRetry retry, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? last = null;
        long taken = 0;
        IAsyncEnumerator<IReadOnlyList<SourceDocument>>? pages = null;
        try
        {
            while (true)
            {
                var page = await retry.ExecuteAsync("reading source rows", async ct =>
                {
                    try
                    {
                        pages ??= database.ReadPendingPagesAsync(contract, After(selection, last, taken), pageSize, ct).GetAsyncEnumerator(ct);
                        return await pages.MoveNextAsync().ConfigureAwait(false) ? pages.Current : null;
                    }
                    catch
                    {
                        // A broken read cannot continue: the next attempt opens a new one from the keyset position.
                        if (pages is not null) await DisposeQuietlyAsync(pages).ConfigureAwait(false);
                        pages = null;
                        throw;
                    }
                }, cancellationToken).ConfigureAwait(false);
                if (page is null) yield break;
                if (page.Count > 0)
                {
                    last = page[^1].AppId;
                    taken += page.Count;
                }
                yield return page;
            }
        }
        finally
        {
            if (pages is not null) await pages.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The rest of <paramref name="selection"/> after <paramref name="last"/>: pages are in app_id order.</summary>
    internal static SourceSelection After(SourceSelection selection, long? last, long taken)
    {
        if (last is not { } after) return selection;
        var start = after == long.MaxValue ? after : after + 1;
        return selection with
        {
            AppIdStart = selection.AppIdStart is { } s ? Math.Max(s, start) : start,
            Limit = selection.Limit is { } limit ? limit - taken : null,
        };
    }

    private static async Task DisposeQuietlyAsync(IAsyncEnumerator<IReadOnlyList<SourceDocument>> pages)
    {
        try
        {
            await pages.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Disposing a read on a broken connection may throw again; the connection is abandoned either way.
        }
    }
}

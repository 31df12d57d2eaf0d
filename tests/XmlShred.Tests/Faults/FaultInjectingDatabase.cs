using System.Runtime.CompilerServices;
using XmlShred.Contract;
using XmlShred.Storage;

namespace XmlShred.Tests.Faults;

/// <summary>
/// A real target database with a hook that throws a transient fault at a chosen point (a batch write before or after
/// its commit, a source page). Everything else goes to the real database, so the retry runs against real
/// connections and transactions; only the moment of the fault is staged.
/// </summary>
internal sealed class FaultInjectingDatabase(ITargetDatabase inner, Func<Exception> fault) : ITargetDatabase, IProcessingLogLookup
{
    /// <summary>Batch writes (1-based, counting every attempt) that fail before anything is written.</summary>
    public HashSet<int> FailBeforeWrite { get; init; } = [];
    /// <summary>Batch writes that commit and then fail, as when the connection breaks before the COMMIT's answer arrives.</summary>
    public HashSet<int> FailAfterCommit { get; init; } = [];
    /// <summary>The first write of a batch holding this application fails before anything is written.</summary>
    public long? FailOnceBeforeWriting { get; init; }
    private int _failedOnce;
    /// <summary>Source pages (1-based, over every read) after which the read breaks.</summary>
    public HashSet<int> FailAfterPage { get; init; } = [];

    private int _writes;
    private int _pages;
    public int Writes => Volatile.Read(ref _writes);
    public int InjectedFaults { get; private set; }

    public string Dialect => inner.Dialect;
    public string DisplayName => inner.DisplayName;
    public IReadOnlyList<string> SchemaDdl(CompiledContract contract) => inner.SchemaDdl(contract);
    public Task EnsureSchemaAsync(CompiledContract contract, CancellationToken cancellationToken) => inner.EnsureSchemaAsync(contract, cancellationToken);
    public Task<long> CountPendingAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) => inner.CountPendingAsync(contract, selection, cancellationToken);
    public Task<SourceLoadResult> LoadSourceAsync(CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken) =>
        inner.LoadSourceAsync(contract, documents, replace, cancellationToken);
    public Task<long> CountNullXmlAsync(CompiledContract contract, SourceSelection selection, CancellationToken cancellationToken) => inner.CountNullXmlAsync(contract, selection, cancellationToken);
    public WriteFailureKind ClassifyFailure(Exception exception) => inner.ClassifyFailure(exception);
    public Task<IReadOnlySet<long>> LoggedAppIdsAsync(CompiledContract contract, IReadOnlyCollection<long> appIds, CancellationToken cancellationToken) =>
        ((IProcessingLogLookup)inner).LoggedAppIdsAsync(contract, appIds, cancellationToken);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async IAsyncEnumerable<IReadOnlyList<SourceDocument>> ReadPendingPagesAsync(CompiledContract contract, SourceSelection selection, int pageSize,
        ISourceAdmission? admission, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in inner.ReadPendingPagesAsync(contract, selection, pageSize, admission, cancellationToken))
        {
            yield return page;
            if (FailAfterPage.Contains(Interlocked.Increment(ref _pages))) throw Inject();
        }
    }

    public XmlShred.Fleet.ClaimStore OpenClaims(CompiledContract contract, XmlShred.Fleet.FleetOptions options, XmlShred.Fleet.LeaseOwner owner) => inner.OpenClaims(contract, options, owner);

    public async Task<IBatchWriter> OpenWriterAsync(CompiledContract contract, CancellationToken cancellationToken) =>
        new Writer(this, await inner.OpenWriterAsync(contract, cancellationToken));

    private Exception Inject()
    {
        InjectedFaults++;
        return fault();
    }

    private sealed class Writer(FaultInjectingDatabase owner, IBatchWriter inner) : IBatchWriter
    {
        public async Task<BatchWriteTimings> WriteBatchAsync(IReadOnlyList<ApplicationWrite> batch, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref owner._writes);
            if (owner.FailBeforeWrite.Contains(n)) throw owner.Inject();
            if (owner.FailOnceBeforeWriting is { } id && batch.Any(w => w.AppId == id) && Interlocked.Exchange(ref owner._failedOnce, 1) == 0) throw owner.Inject();
            var timings = await inner.WriteBatchAsync(batch, cancellationToken);
            if (owner.FailAfterCommit.Contains(n)) throw owner.Inject();
            return timings;
        }

        public Task<IReadOnlyCollection<long>> WriteFailuresAsync(IReadOnlyList<ProcessingLogEntry> entries, CancellationToken cancellationToken) => inner.WriteFailuresAsync(entries, cancellationToken);

        public XmlShred.Fleet.ClaimContext? Claims
        {
            get => inner.Claims;
            set => inner.Claims = value;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

using XmlShred.Contract;

namespace XmlShred.Storage;

/// <summary>
/// Which applications already have a processing_log row. A batch whose COMMIT was sent just before the connection
/// broke may have committed; before the batch is sent again, the retry asks this and leaves those applications out,
/// exactly as a resumed run skips logged ones. Without it such a retry would write them twice.
/// </summary>
internal interface IProcessingLogLookup
{
    Task<IReadOnlySet<long>> LoggedAppIdsAsync(CompiledContract contract, IReadOnlyCollection<long> appIds, CancellationToken cancellationToken);
}

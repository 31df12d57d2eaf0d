namespace XmlShred.Fleet;

/// <summary>
/// A claimed chunk: the app_ids <c>[Start, End)</c>, held by one owner under <see cref="Fence"/>. The fence grows by
/// one on every claim, so a holder whose lease was taken over can tell (its fence no longer matches).
/// </summary>
public sealed record ChunkLease(long ChunkId, long Start, long End, long Fence)
{
    public bool Contains(long appId) => appId >= Start && appId < End;

    public override string ToString() => $"chunk {ChunkId} [{Start}, {End}) fence {Fence}";
}

using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>
/// The memory budget as the source reader sees it: a row stored in N bytes becomes at most N characters (UTF-8 and
/// UTF-16 never use fewer bytes than characters), so <see cref="MemoryCost.Document(long)"/> of N bounds the charge
/// before the text exists; the reader trues it up once the document is read.
/// </summary>
internal sealed class DocumentAdmission(ByteBudget budget) : ISourceAdmission
{
    public long Cost(long storedBytes) => MemoryCost.Document(storedBytes);

    public bool TryAdmit(long cost) => budget.TryAcquire(cost);

    public ValueTask AdmitAsync(long cost, CancellationToken cancellationToken) => budget.AcquireAsync(cost, cancellationToken);

    public void Release(long cost) => budget.Release(cost);
}

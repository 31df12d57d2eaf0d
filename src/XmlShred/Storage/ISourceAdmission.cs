namespace XmlShred.Storage;

/// <summary>
/// Holds back each source row until the memory its document will take is granted. The source reader learns a row's
/// stored size from the page query before it materialises the text, so a run's memory budget is charged before the
/// document exists rather than after a whole page of strings was already built.
/// </summary>
public interface ISourceAdmission
{
    /// <summary>The charge for a document stored in <paramref name="storedBytes"/> bytes.</summary>
    long Cost(long storedBytes);

    /// <summary>Takes <paramref name="cost"/> now if it fits without waiting; false otherwise (nothing taken).</summary>
    bool TryAdmit(long cost);

    /// <summary>Waits until <paramref name="cost"/> fits, then takes it. Called with no query open.</summary>
    ValueTask AdmitAsync(long cost, CancellationToken cancellationToken);

    /// <summary>Gives back a charge whose document will never be handed on.</summary>
    void Release(long cost);
}

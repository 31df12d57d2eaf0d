namespace XmlShred.Synthetic;

/// <summary>What <see cref="DocumentGenerator"/> produces: how many documents, from which seed, how many broken ones.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Largest app id the generator accepts: con_ids are app_id*10+k and must stay ≤ 999,999,999 (CONTACT-2).</summary>
    public const long MaxAppId = 99_999_999;

    /// <summary>Number of documents to generate.</summary>
    public int Count { get; init; }

    /// <summary>Same seed, same documents (byte for byte).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share (0..1) of documents deliberately broken so validation must reject them.</summary>
    public double InvalidRate { get; init; }

    /// <summary>app id (Request/@ID) of the first document; the others follow consecutively.</summary>
    public long FirstAppId { get; init; } = 1;

    /// <summary>
    /// Largest document size aimed at, in bytes (default and ceiling 2 MB). Lower it for long soak runs: a million
    /// documents of the default spread (mean ~56 KB) would not fit on an ordinary disk twice (files and database).
    /// </summary>
    public int MaxBytes { get; init; } = SizeModel.MaxBytes;

    /// <summary>The smallest <see cref="MaxBytes"/>: every document is at least 10 KB plus the writer's margins.</summary>
    public const int MinimumCap = 16 * 1024;

    /// <summary>Throws when the options cannot produce valid documents.</summary>
    public void Validate()
    {
        if (Count < 0) throw new ArgumentOutOfRangeException(nameof(Count), Count, "must be 0 or more");
        if (InvalidRate is < 0 or > 1 || double.IsNaN(InvalidRate))
            throw new ArgumentOutOfRangeException(nameof(InvalidRate), InvalidRate, "must be between 0 and 1");
        if (MaxBytes is < MinimumCap or > SizeModel.MaxBytes)
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, $"must be between {MinimumCap / 1024} KB and {SizeModel.MaxBytes / 1024} KB");
        if (FirstAppId < 1) throw new ArgumentOutOfRangeException(nameof(FirstAppId), FirstAppId, "must be 1 or more");
        if (FirstAppId + Count - 1 > MaxAppId)
            throw new ArgumentOutOfRangeException(nameof(FirstAppId), FirstAppId, $"the last app id would exceed {MaxAppId} (con_ids are app_id*10+k)");
    }
}

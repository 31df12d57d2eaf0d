using XmlShred.Mapping;

namespace XmlShred.Storage;

/// <summary>A mapped application on its way to the writer: its rows and the success log row committed with them.</summary>
public sealed record ApplicationWrite(long AppId, MappingResult Result, ProcessingLogEntry Log)
{
    /// <summary>Approximate in-memory size, used to bound the insert queue by bytes.</summary>
    public long EstimatedBytes { get; init; }
}

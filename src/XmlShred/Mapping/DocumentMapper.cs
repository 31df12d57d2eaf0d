using XmlShred.Contract;

namespace XmlShred.Mapping;

/// <summary>
/// The mapping engine: a pure function of (XML, contract) → rows (§11.2). Holds no per-document state, so one
/// instance serves any number of threads at once. Bad documents are rejected with a reason, never thrown.
/// </summary>
public sealed class DocumentMapper
{
    public DocumentMapper(CompiledContract contract, MappingOptions? options = null)
    {
        Contract = contract;
        Options = options ?? MappingOptions.Default;
    }

    public CompiledContract Contract { get; }

    public MappingOptions Options { get; }

    /// <summary>Maps one document. Never throws for bad input: a malformed or invalid document is <see cref="MappingOutcome.Rejected"/>.</summary>
    public MappingResult Map(string xml) => throw new NotImplementedException("engine lands in the next commit");
}

using XmlShred.Contract;
using XmlShred.Values;
using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>
/// The mapping engine: a pure function of (XML, contract) → rows (OUTPUT-1). Holds no per-document state, so one
/// instance serves any number of threads at once. Bad documents are rejected with a reason, never thrown.
/// </summary>
public sealed class DocumentMapper
{
    public DocumentMapper(CompiledContract contract, MappingOptions? options = null)
    {
        Contract = contract;
        Options = options ?? MappingOptions.Default;
        Options.Limits.Validate();
        _contextNames = ContextNames.ForApplication(contract);
        _contactContextNames = ContextNames.ForContacts(contract);
        ReadPlan = CreateReadPlan(contract, _contextNames);
    }

    private readonly ContextNames _contextNames;
    private readonly ContextNames _contactContextNames;

    /// <summary>What the XML reader keeps for this contract (entry paths, contact subtrees, attributes expressions read).</summary>
    internal ReadPlan ReadPlan { get; }

    private static ReadPlan CreateReadPlan(CompiledContract contract, ContextNames contextNames) => new(
        contract.Tables.SelectMany(t => t.Entries).Select(e => e.XmlPath),
        [contract.ContactRule.ElementName, contract.RelationshipContactElement],
        contextNames.All,
        rootElement: contract.RootElement);

    public CompiledContract Contract { get; }

    /// <summary>Name answers this thread has cached for the expression contexts (steady once every name was seen).</summary>
    internal int CachedContextNamesOnThisThread => _contextNames.CachedOnThisThread + _contactContextNames.CachedOnThisThread;

    public MappingOptions Options { get; }

    /// <summary>Maps one document. Never throws for bad input: a malformed or invalid document is <see cref="MappingOutcome.Rejected"/>.</summary>
    public MappingResult Map(string xml)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var document = XmlDocumentReader.TryRead(xml, Options.Limits, ReadPlan, out var readError);
        if (document is null) return MappingResult.Rejected(readError!.AppId, readError.Stage, readError.Message, []);
        return WithinTimeBudget(Map(document), started, Options.Limits);
    }

    /// <summary>A document that took longer than the time budget to read and map fails, even when it mapped: the budget is the contract with the operator.</summary>
    internal static MappingResult WithinTimeBudget(MappingResult result, long started, XmlLimits limits)
    {
        if (System.Diagnostics.Stopwatch.GetElapsedTime(started) <= limits.TimeBudget) return result;
        var naming = result.AppId is { } id ? $"app_id {id}: " : "";
        return MappingResult.Rejected(result.AppId, "mapping",
            $"{naming}reading and mapping the document took longer than the limit of {limits.TimeBudget.TotalSeconds:0.###} s (XmlLimits.TimeBudget)", result.Warnings);
    }

    /// <summary>Maps a document that is already parsed (the product-line selector parses once for all contracts).</summary>
    internal MappingResult Map(XmlDocumentModel document)
    {
        if (document.Root.Name != Contract.RootElement)
            return MappingResult.Rejected(null, "validation", $"Invalid XML structure or format: the root element is <{document.Root.Name}>; contract '{Contract.Name}' expects <{Contract.RootElement}>", []);
        var errors = new List<string>();
        var appId = DocumentValidator.Validate(document, Contract, errors);
        if (errors.Count > 0 || appId is null) return MappingResult.Rejected(appId, "validation", string.Join("; ", errors), []);
        try
        {
            var state = new DocumentState(Contract, _contextNames, _contactContextNames, document, appId.Value, Options.UtcNow());
            var tables = new List<MappedTable>(Contract.Tables.Count);
            for (var i = 0; i < Contract.Tables.Count; i++)
            {
                var table = Contract.Tables[i];
                var rows = BuildTable(table, state, isRoot: ReferenceEquals(table, Contract.RootTable));
                if (rows.Count == 0) continue;
                tables.Add(TableAssembler.Assemble(table, rows));
            }
            return MappingResult.Mapped(appId.Value, tables, state.Warnings);
        }
        catch (ValueConversionException ex)
        {
            // A value that does not fit its column fails the application here, before any database sees it.
            return MappingResult.Rejected(appId, "mapping", ex.Message, []);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return MappingResult.Rejected(appId, "mapping", $"unexpected mapping failure: {ex.GetType().Name}: {ex.Message}", []);
        }
    }

    private static List<Row> BuildTable(TablePlan table, DocumentState state, bool isRoot)
    {
        try
        {
            return table.Kind switch
            {
                TableKind.Application => TableBuilders.Application(table, state, neverDrop: isRoot),
                TableKind.Contact => TableBuilders.Contacts(table, state),
                TableKind.Address => TableBuilders.ContactChildren(table, state.Contract.AddressRule, state),
                TableKind.Employment when state.Contract.EmploymentRule is { } rule => TableBuilders.ContactChildren(table, rule, state),
                TableKind.Employment => [],
                TableKind.PolicyException => SlotBuilders.PolicyExceptions(table, state),
                TableKind.Warranty => SlotBuilders.Warranties(table, state),
                TableKind.Collateral => SlotBuilders.Collateral(table, state),
                _ => KeyValueBuilders.Build(table, state),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // ROW-5: an unexpected failure drops only this table.
            state.Warnings.Add($"Table processing error for {table.Name}: {ex.Message}");
            return [];
        }
    }
}

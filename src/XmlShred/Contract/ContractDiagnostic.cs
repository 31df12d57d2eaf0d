namespace XmlShred.Contract;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>One problem found in a contract, naming where it is (e.g. <c>mappings[12] app_base.receive_date</c>).</summary>
public sealed record ContractDiagnostic(DiagnosticSeverity Severity, string Rule, string Location, string Message)
{
    public override string ToString() =>
        $"{(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Rule} at {Location}: {Message}";
}

/// <summary>The contract cannot be used; every load error is listed.</summary>
public sealed class ContractException : Exception
{
    public ContractException(string source, IReadOnlyList<ContractDiagnostic> diagnostics)
        : base($"Contract {source} is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<ContractDiagnostic> Diagnostics { get; }
}

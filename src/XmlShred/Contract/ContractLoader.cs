using System.Security.Cryptography;
using System.Text.Json;

namespace XmlShred.Contract;

/// <summary>
/// Loads an XmlConversion mapping contract and compiles it (CONTRACT-1 to CONTRACT-12). Every load error (CONTRACT-1 to CONTRACT-9) is collected
/// and reported together, each naming the entry (<c>mappings[i] table.column</c>) and the reason.
/// </summary>
public static class ContractLoader
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static CompiledContract LoadFile(string path) =>
        Load(File.ReadAllBytes(path), Path.GetFileNameWithoutExtension(path));

    public static CompiledContract Load(byte[] utf8Json, string name)
    {
        var (contract, diagnostics) = Compile(utf8Json, name);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || contract is null) throw new ContractException(name, errors);
        return contract;
    }

    /// <summary>Compiles without throwing: the contract (null when there are errors) and every diagnostic, warnings included.</summary>
    public static (CompiledContract? Contract, IReadOnlyList<ContractDiagnostic> Diagnostics) Compile(byte[] utf8Json, string name)
    {
        var sink = new DiagnosticSink();
        ContractDocument? document;
        // A UTF-8 byte-order mark (as some editors save) is not JSON; the hash still covers the file's bytes as given.
        ReadOnlySpan<byte> json = utf8Json.AsSpan().StartsWith("\uFEFF"u8) ? utf8Json.AsSpan(3) : utf8Json;
        try
        {
            document = JsonSerializer.Deserialize<ContractDocument>(json, s_json);
        }
        catch (JsonException ex)
        {
            var at = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? $"line {ex.LineNumber + 1}" : $"{ex.Path} (line {ex.LineNumber + 1})";
            sink.Error("JSON", at, $"not a valid contract JSON document: {ex.Message}");
            return (null, sink.All);
        }
        if (document is null)
        {
            sink.Error("JSON", "document", "the contract is empty (null)");
            return (null, sink.All);
        }
        var compiler = new ContractCompiler(document, name, Convert.ToHexStringLower(SHA256.HashData(utf8Json)), sink);
        var contract = compiler.Compile();
        return (sink.HasErrors ? null : contract, sink.All);
    }
}

/// <summary>Collects diagnostics in the order they are found.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<ContractDiagnostic> _all = [];

    public IReadOnlyList<ContractDiagnostic> All => _all;

    public bool HasErrors => _all.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string rule, string location, string message) =>
        _all.Add(new ContractDiagnostic(DiagnosticSeverity.Error, rule, location, message));

    public void Warning(string rule, string location, string message) =>
        _all.Add(new ContractDiagnostic(DiagnosticSeverity.Warning, rule, location, message));
}

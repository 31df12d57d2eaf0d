using System.CommandLine;
using XmlShred.Contract;

namespace XmlShred.Cli.Commands;

/// <summary>Options several commands share, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "Target database. A SQLite file path (created if missing) or a connection string: "
            + "'Data Source=shred.db' (SQLite). PostgreSQL ('Host=…', 'postgres://…') and SQL Server ('Server=…') are chosen by prefix "
            + "when their dialect is available. Example: --db ./shred.db",
        Required = true,
    };

    public static Option<FileInfo?> Contract(bool required) => new("--contract")
    {
        Description = "Mapping contract JSON file. Example: --contract examples/contract.json"
            + (required ? "" : " (default: the example contract shipped next to xmlshred)"),
        Required = required,
    };

    /// <summary>The contract file given, or the bundled example one.</summary>
    public static CompiledContract LoadContract(FileInfo? file)
    {
        var path = file?.FullName ?? BundledContractPath;
        if (!File.Exists(path)) throw new UsageException(file is null ? "--contract is required (no bundled example contract found)" : $"contract file '{path}' does not exist");
        return ContractLoader.LoadFile(path);
    }

    public static string BundledContractPath => Path.Combine(AppContext.BaseDirectory, "examples", "contract.json");
}

/// <summary>A mistake in how the command was called or configured (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

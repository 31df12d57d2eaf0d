using System.CommandLine;
using XmlShred.Cli.Configuration;
using XmlShred.Contract;

namespace XmlShred.Cli.Commands;

/// <summary>
/// Options several commands share, so they have the same name, short alias, wording and checks everywhere.
/// Every option of every command can also come from the environment (<c>XMLSHRED_&lt;NAME&gt;</c>) or from
/// <c>xmlshred.json</c> (see <see cref="ConfiguredArguments"/>); a flag on the command line always wins.
/// </summary>
internal static class CommonOptions
{
    /// <summary>Short aliases, one meaning each across the whole CLI (a test checks no command deviates).</summary>
    public static readonly IReadOnlyDictionary<string, string> ShortAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--contract"] = "-c",
        ["--db"] = "-d",
        ["--out"] = "-o",
        ["--format"] = "-f",
        ["--count"] = "-n",
        ["--workers"] = "-w",
    };

    public static Option<string> Db(string? description = null) => new("--db", "-d")
    {
        Description = (description ?? "Target database: a SQLite file path, a connection string ('Host=…' or postgres://… for PostgreSQL, "
            + "'Server=…' or mssql://… for SQL Server), or the name of an entry under ConnectionStrings in xmlshred.json.")
            + " Keep passwords off the command line: set XMLSHRED_DB or use xmlshred.json. Example: --db ./shred.db",
        Required = true,
    };

    /// <summary>
    /// <c>-c/--contract</c>. Required wherever a contract decides what is written; only a command that merely
    /// previews may offer a default.
    /// </summary>
    public static Option<FileInfo?> Contract(bool required = true, string? description = null) => new("--contract", "-c")
    {
        Description = (description ?? "Mapping contract JSON file.") + " Example: --contract examples/contract.json",
        Required = required,
    };

    public static Option<int> Workers(string description = "Mapping threads.") =>
        NumberOptions.Positive("--workers", description + " Default: the number of CPU cores.", Environment.ProcessorCount, aliases: ["-w"]);

    public static Option<bool> NoProgress() => new("--no-progress")
    {
        Description = "No live display; print a plain progress line every few seconds on stderr instead.",
    };

    /// <summary><c>-f/--format</c> with a fixed set of lower-case choices (the first is the default).</summary>
    public static Option<string> Format(string description, params string[] choices)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = description,
            DefaultValueFactory = _ => choices[0],
        };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    /// <summary>
    /// An enum option that accepts the lower-case member names (any case) and answers a wrong value with the list of
    /// choices, never with a .NET type name.
    /// </summary>
    public static Option<T> Choice<T>(string name, string description, T defaultValue) where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join('|', names),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
                if (names.Contains(text, StringComparer.OrdinalIgnoreCase)) return Enum.Parse<T>(text, ignoreCase: true);
                result.AddError($"{name} '{text}' is not one of: {string.Join(", ", names)}");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(names);
        return option;
    }

    /// <summary>The contract file given (required by the option, so never null after parsing).</summary>
    public static CompiledContract LoadContract(FileInfo? file)
    {
        if (file is null) throw new UsageException("--contract is required: give -c/--contract <file>, set XMLSHRED_CONTRACT, or put \"contract\" in xmlshred.json");
        if (!file.Exists) throw new UsageException($"--contract: file '{file.FullName}' does not exist");
        return ContractLoader.LoadFile(file.FullName);
    }

    /// <summary>The example contract shipped next to xmlshred (used by <c>demo</c> and benchmarks, never by a command that writes a user's data).</summary>
    public static string BundledContractPath => Path.Combine(AppContext.BaseDirectory, "examples", "contract.json");

    public static CompiledContract LoadBundledContract()
    {
        if (!File.Exists(BundledContractPath)) throw new UsageException($"the example contract is missing from the installation ({BundledContractPath})");
        return ContractLoader.LoadFile(BundledContractPath);
    }
}

/// <summary>A mistake in how the command was called or configured (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);

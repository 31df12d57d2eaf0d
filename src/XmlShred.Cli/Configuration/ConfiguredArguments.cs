using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using XmlShred.Storage;

namespace XmlShred.Cli.Configuration;

/// <summary>
/// Layers configuration under the command line: every option of the command being run that was not given as a
/// flag is looked up in the configuration (environment, then file) and, when found, added to the arguments, so it
/// is parsed, validated and defaulted exactly like a flag. Precedence: flag, then <c>XMLSHRED_&lt;NAME&gt;</c>, then
/// the file. Keys are tried command-scoped first (<c>run:batch-size</c>, env <c>XMLSHRED_RUN__BATCH_SIZE</c>), then
/// global (<c>batch-size</c>, <c>batch_size</c> or <c>batchSize</c>, env <c>XMLSHRED_BATCH_SIZE</c>).
/// A <c>--db</c> value that names an entry under <c>ConnectionStrings</c> is replaced by that connection string.
/// </summary>
internal static class ConfiguredArguments
{
    private static readonly ConditionalWeakTable<Option, object> s_flagOnly = [];

    /// <summary>
    /// Keeps an option out of the configuration: for options where an inherited value would be dangerous
    /// (<c>demo --db</c> and <c>bench run --db</c> delete or empty the database they are given).
    /// </summary>
    public static T FlagOnly<T>(T option) where T : Option
    {
        s_flagOnly.AddOrUpdate(option, option);
        return option;
    }

    public static bool IsFlagOnly(Option option) => s_flagOnly.TryGetValue(option, out _);

    /// <summary>The arguments with configured values added; <paramref name="sources"/> says which option came from where.</summary>
    public static string[] Apply(ParseResult parse, IConfigurationRoot configuration, string[] args, out IReadOnlyList<string> sources)
    {
        var notes = new List<string>();
        sources = notes;
        var command = parse.CommandResult.Command;
        if (command is RootCommand) return args;
        var scope = CommandPath(parse.CommandResult);
        var added = new List<string>();
        var result = args.ToList();
        foreach (var option in ApplicableOptions(parse.CommandResult))
        {
            if (option is HelpOption or VersionOption || option.Name == Commands.GlobalOptions.ConfigName || IsFlagOnly(option)) continue;
            if (parse.GetResult(option) is { Implicit: false } given)
            {
                if (option.Name == "--db") ReplaceNamedConnection(result, given, configuration, notes);
                continue;
            }
            if (Find(configuration, scope, option.Name) is not { } key) continue;
            var section = configuration.GetSection(key);
            var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
            foreach (var value in values)
            {
                added.Add(option.Name);
                added.Add(option.Name == "--db" ? NamedConnection(configuration, value) ?? FileRelative(configuration, key, option, value) : FileRelative(configuration, key, option, Normalize(option, value)));
            }
            notes.Add($"{option.Name} from {CliConfiguration.DescribeSource(configuration, key)}");
        }
        if (added.Count == 0) return [.. result];
        // Options before a "--" separator, so they are not taken as positional arguments.
        var separator = result.IndexOf("--");
        result.InsertRange(separator < 0 ? result.Count : separator, added);
        return [.. result];
    }

    /// <summary>The command's own options and the recursive ones of its ancestors.</summary>
    private static IEnumerable<Option> ApplicableOptions(System.CommandLine.Parsing.CommandResult leaf)
    {
        foreach (var option in leaf.Command.Options) yield return option;
        for (var parent = leaf.Parent as System.CommandLine.Parsing.CommandResult; parent is not null; parent = parent.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive)) yield return option;
        }
    }

    /// <summary><c>run</c> for <c>xmlshred run</c>, <c>bench:run</c> for <c>xmlshred bench run</c>.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult leaf)
    {
        var names = new List<string>();
        for (var result = leaf; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command.Name);
        return string.Join(':', names);
    }

    /// <summary>The first key that holds a value for the option, command-scoped before global, in any usual spelling.</summary>
    private static string? Find(IConfiguration configuration, string scope, string optionName)
    {
        var bare = optionName.TrimStart('-');
        string[] spellings = [bare, bare.Replace('-', '_'), bare.Replace("-", "", StringComparison.Ordinal)];
        foreach (var prefix in new[] { scope + ":", "" })
        {
            foreach (var spelling in spellings)
            {
                var section = configuration.GetSection(prefix + spelling);
                if (section.Value is not null || section.GetChildren().Any()) return section.Path;
            }
        }
        return null;
    }

    /// <summary>The <c>ConnectionStrings</c> entry called <paramref name="name"/>, a SQLite path in it resolved like any configured path.</summary>
    private static string? NamedConnection(IConfigurationRoot configuration, string name) =>
        configuration.GetConnectionString(name) is { } connection
            ? FileRelative(configuration, "ConnectionStrings:" + name, s_dbOption, connection)
            : null;

    private static readonly Option<string> s_dbOption = new("--db");

    /// <summary>
    /// A relative path written in a configuration file means "next to that file", so a project folder with its
    /// xmlshred.json works from any working directory. Paths from the environment stay relative to the working directory.
    /// </summary>
    private static string FileRelative(IConfigurationRoot configuration, string key, Option option, string value)
    {
        if (CliConfiguration.FileDirectoryOf(configuration, key) is not { } directory || !IsPath(option, value) || Path.IsPathRooted(value)) return value;
        return Path.GetFullPath(value, directory);
    }

    private static bool IsPath(Option option, string value)
    {
        if (option.Name == "--db") return !string.IsNullOrWhiteSpace(value) && TargetDatabaseFactory.DetectDialect(value) == TargetDialect.Sqlite && !value.Contains('=', StringComparison.Ordinal) && !value.StartsWith(':');
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        return typeof(FileSystemInfo).IsAssignableFrom(type);
    }

    /// <summary>Environment variables commonly say 1/0 or yes/no for a switch.</summary>
    private static string Normalize(Option option, string value)
    {
        if (option.ValueType != typeof(bool)) return value;
        return value.Trim().ToLowerInvariant() switch
        {
            "1" or "yes" or "on" => "true",
            "0" or "no" or "off" or "" => "false",
            var other => other,
        };
    }

    /// <summary><c>--db prod</c> with a <c>ConnectionStrings:prod</c> entry means that connection string.</summary>
    private static void ReplaceNamedConnection(List<string> args, System.CommandLine.Parsing.OptionResult given, IConfigurationRoot configuration, List<string> notes)
    {
        if (given.Tokens.Count != 1) return;
        var name = given.Tokens[0].Value;
        if (NamedConnection(configuration, name) is not { } connection) return;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i > 0 && given.Option.Aliases.Append(given.Option.Name).Contains(args[i - 1]))
            {
                args[i] = connection;
                notes.Add($"--db '{name}' from ConnectionStrings");
                return;
            }
            foreach (var alias in given.Option.Aliases.Append(given.Option.Name))
            {
                foreach (var separator in new[] { '=', ':' })
                {
                    if (args[i] == alias + separator + name)
                    {
                        args[i] = alias + separator + connection;
                        notes.Add($"--db '{name}' from ConnectionStrings");
                        return;
                    }
                }
            }
        }
    }
}

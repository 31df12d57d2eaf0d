using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using XmlShred.Cli.Commands;
using XmlShred.Cli.Configuration;

namespace XmlShred.Cli;

/// <summary>
/// One invocation: parse the command line, layer the configuration under it (<see cref="ConfiguredArguments"/>),
/// report parse errors as one line each in plain words (exit 2), then run the command.
/// </summary>
public static partial class CliInvocation
{
    /// <param name="workingDirectory">Where xmlshred.json is looked for.</param>
    /// <param name="readEnvironment">Whether XMLSHRED_* environment variables count (in-process tests say no).</param>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration invocation, string workingDirectory, bool readEnvironment)
    {
        var parse = Parse(args, workingDirectory, readEnvironment, out var configurationError, out var sources);
        if (configurationError is not null)
        {
            await invocation.Error.WriteLineAsync("error: " + configurationError).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        if (parse!.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            foreach (var error in parse.Errors) await invocation.Error.WriteLineAsync("error: " + Friendly(error.Message)).ConfigureAwait(false);
            foreach (var source in sources) await invocation.Error.WriteLineAsync("note: " + source).ConfigureAwait(false);
            var command = string.Join(' ', Path(parse.CommandResult));
            await invocation.Error.WriteLineAsync($"See `xmlshred {command}{(command.Length > 0 ? " " : "")}--help`.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    /// <summary>The parse with configured values applied; null with <paramref name="configurationError"/> when the configuration file is unusable.</summary>
    public static ParseResult? Parse(string[] args, string workingDirectory, bool readEnvironment, out string? configurationError, out IReadOnlyList<string> sources)
    {
        var root = Program.BuildRoot();
        var first = root.Parse(args);
        sources = [];
        configurationError = null;
        Microsoft.Extensions.Configuration.IConfigurationRoot configuration;
        try
        {
            configuration = CliConfiguration.Build(first.GetValue<FileInfo?>(GlobalOptions.ConfigName)?.FullName, workingDirectory, readEnvironment);
        }
        catch (ConfigurationFileException ex)
        {
            configurationError = ex.Message;
            return null;
        }
        var configured = ConfiguredArguments.Apply(first, configuration, args, out sources);
        return configured.SequenceEqual(args) ? first : root.Parse(configured);
    }

    private static List<string> Path(CommandResult leaf)
    {
        var names = new List<string>();
        for (var result = leaf; result is not null && result.Command is not RootCommand; result = result.Parent as CommandResult) names.Insert(0, result.Command.Name);
        return names;
    }

    /// <summary>System.CommandLine names the .NET type it failed to convert to; say what is expected instead.</summary>
    internal static string Friendly(string message)
    {
        var required = RequiredOption().Match(message);
        if (required.Success)
        {
            var name = required.Groups[1].Value;
            return $"{name} is required: give it on the command line, set {CliConfiguration.EnvironmentPrefix}{name.TrimStart('-').Replace('-', '_').ToUpperInvariant()}, or put \"{name.TrimStart('-')}\" in {CliConfiguration.FileName}";
        }
        return ExpectedType().Replace(message, match => "as " + (match.Groups[1].Value switch
    {
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "a whole number",
        "System.Double" or "System.Decimal" or "System.Nullable`1[System.Double]" => "a number",
        "System.Boolean" => "true or false",
        "System.IO.FileInfo" or "System.IO.DirectoryInfo" => "a path",
        "System.TimeSpan" or "System.Nullable`1[System.TimeSpan]" => "a duration (hh:mm:ss)",
        _ => "a valid value",
    }));
    }

    [GeneratedRegex(@"^Option '(--[\w-]+)' is required\.$")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"as expected type '([^']+)'")]
    private static partial Regex ExpectedType();
}

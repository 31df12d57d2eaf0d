using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace XmlShred.Cli.Commands;

public enum LogFormat
{
    /// <summary>One human-readable line per event.</summary>
    Simple,
    /// <summary>One JSON object per event (event id, name, level, message and each named value).</summary>
    Json,
}

/// <summary>Options accepted by every command (added to the root as recursive options).</summary>
internal static class GlobalOptions
{
    public const string ConfigName = "--config";
    public const string LogLevelName = "--log-level";
    public const string LogFormatName = "--log-format";

    public static IEnumerable<Option> Create()
    {
        yield return new Option<FileInfo?>(ConfigName)
        {
            Description = "Configuration file (default: xmlshred.json in the working directory, if present). Its keys are option names "
                + "(\"db\", \"contract\", \"batch-size\"), optionally under a command's section (\"run\": { … }), and ConnectionStrings.",
            Recursive = true,
        };
        var level = CommonOptions.Choice(LogLevelName, "Lowest level of log events written to stderr.", Microsoft.Extensions.Logging.LogLevel.Warning);
        level.Recursive = true;
        yield return level;
        var format = CommonOptions.Choice(LogFormatName, "Log events on stderr as one line of text, or one JSON object, each.", Commands.LogFormat.Simple);
        format.Recursive = true;
        yield return format;
    }

    public static LogLevel Level(ParseResult result) => result.GetValue<LogLevel>(LogLevelName);

    public static LogFormat Format(ParseResult result) => result.GetValue<LogFormat>(LogFormatName);
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace XmlShred.Cli.Configuration;

/// <summary>
/// The configuration layers below the command line: environment variables <c>XMLSHRED_*</c> over a JSON file
/// (<c>--config &lt;file&gt;</c>, <c>XMLSHRED_CONFIG</c>, or <c>xmlshred.json</c> in the working directory).
/// Flags are layered on top by <see cref="ConfiguredArguments"/>, so System.CommandLine stays the one argv parser.
/// </summary>
internal static class CliConfiguration
{
    public const string FileName = "xmlshred.json";
    public const string EnvironmentPrefix = "XMLSHRED_";
    public const string ConfigVariable = EnvironmentPrefix + "CONFIG";

    /// <param name="explicitFile">The <c>--config</c> value, if given; it must exist.</param>
    /// <param name="readEnvironment">False in in-process tests, which must not see the machine's XMLSHRED_* variables.</param>
    /// <exception cref="ConfigurationFileException">The file named is missing or is not valid JSON.</exception>
    public static IConfigurationRoot Build(string? explicitFile, string workingDirectory, bool readEnvironment = true)
    {
        var file = explicitFile ?? (readEnvironment ? Environment.GetEnvironmentVariable(ConfigVariable) : null);
        string? path = null;
        if (!string.IsNullOrWhiteSpace(file))
        {
            path = Path.GetFullPath(file, workingDirectory);
            if (!File.Exists(path)) throw new ConfigurationFileException($"--config: file '{path}' does not exist");
        }
        else if (File.Exists(Path.Combine(workingDirectory, FileName)))
        {
            path = Path.Combine(workingDirectory, FileName);
        }
        var builder = new ConfigurationBuilder();
        if (path is not null) builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        if (readEnvironment) builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationFileException($"configuration file '{path}': {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>The folder of the configuration file that supplies <paramref name="key"/>, or null when it comes from elsewhere.</summary>
    public static string? FileDirectoryOf(IConfigurationRoot configuration, string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _)) continue;
            return provider is JsonConfigurationProvider { Source.FileProvider: Microsoft.Extensions.FileProviders.PhysicalFileProvider files } ? files.Root : null;
        }
        return null;
    }

    /// <summary>Where a key's value came from, for messages: "environment variable XMLSHRED_X" or "xmlshred.json".</summary>
    public static string DescribeSource(IConfigurationRoot configuration, string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _)) continue;
            return provider switch
            {
                EnvironmentVariablesConfigurationProvider => "environment variable " + EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant(),
                JsonConfigurationProvider json => $"\"{key}\" in {json.Source.Path}",
                _ => "configuration key " + key,
            };
        }
        return "configuration key " + key;
    }
}

/// <summary>The configuration file is missing or unreadable (exit code 2).</summary>
internal sealed class ConfigurationFileException(string message) : Exception(message);

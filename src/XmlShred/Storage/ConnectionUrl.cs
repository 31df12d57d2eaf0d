using System.Data.Common;

namespace XmlShred.Storage;

/// <summary>
/// The parts of a <c>scheme://user:pass@host:port/database?key=value</c> connection URL, unescaped, for the dialects
/// that accept one; and the one way every dialect redacts a password before a connection string is shown.
/// </summary>
public sealed record ConnectionUrl(string Host, int? Port, string? User, string? Password, string? Database, IReadOnlyList<(string Key, string Value)> Options)
{
    /// <summary>The application name every connection reports unless the connection string names one.</summary>
    public const string ApplicationName = "xmlshred";

    private const string ApplicationNameKey = "Application Name";

    /// <summary>True when <paramref name="value"/> starts with <c>scheme://</c> for one of <paramref name="schemes"/>.</summary>
    public static bool HasScheme(string value, IEnumerable<string> schemes) =>
        schemes.Any(scheme => value.StartsWith(scheme + "://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A provider's connection-string builder from a URL of one of <paramref name="schemes"/> or from keywords, with
    /// <see cref="ApplicationName"/> unless the value sets its own.
    /// </summary>
    public static TBuilder Builder<TBuilder>(string value, IReadOnlyList<string> schemes, Func<ConnectionUrl, TBuilder> fromUrl, Func<string, TBuilder> fromKeywords)
        where TBuilder : DbConnectionStringBuilder
    {
        var builder = HasScheme(value, schemes) ? fromUrl(Parse(value, schemes[0] + "://")) : fromKeywords(value);
        // SqlClient reports its own name when none is set; treat that default like an empty name.
        fromKeywords("").TryGetValue(ApplicationNameKey, out var providerDefault);
        if (!builder.TryGetValue(ApplicationNameKey, out var name) || string.IsNullOrEmpty(name as string) || Equals(name, providerDefault))
            builder[ApplicationNameKey] = ApplicationName;
        return builder;
    }

    public static ConnectionUrl Parse(string value, string example)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) throw new ArgumentException($"not a valid {example} URL");
        string? user = null, password = null;
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var options = new List<(string, string)>();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) options.Add((Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..])));
        }
        return new ConnectionUrl(uri.Host, uri.Port > 0 ? uri.Port : null, user, password, database.Length > 0 ? database : null, options);
    }

    /// <summary>The connection string with its password replaced by <c>***</c>, or a placeholder when it cannot be parsed.</summary>
    public static string Redact(string value, Func<string, DbConnectionStringBuilder> parse, string dialect)
    {
        try
        {
            var builder = parse(value);
            if (builder.TryGetValue("Password", out var password) && !string.IsNullOrEmpty(password as string)) builder["Password"] = "***";
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return $"(unparseable {dialect} connection string)";
        }
    }
}

using System.Data.Common;

namespace XmlShred.Storage;

/// <summary>
/// The parts of a <c>scheme://user:pass@host:port/database?key=value</c> connection URL, unescaped, for the dialects
/// that accept one; and the one way every dialect redacts a password before a connection string is shown.
/// </summary>
public sealed record ConnectionUrl(string Host, int? Port, string? User, string? Password, string? Database, IReadOnlyList<(string Key, string Value)> Options)
{
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

using Npgsql;

namespace XmlShred.Storage.Postgres;

/// <summary>Accepts Npgsql keyword strings and <c>postgres://user:pass@host:port/db?key=value</c> URLs.</summary>
public static class PostgresConnectionString
{
    public const string ApplicationName = "xmlshred";

    public static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        var builder = IsUrl(value) ? FromUrl(value) : new NpgsqlConnectionStringBuilder(value);
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = ApplicationName;
        return builder;
    }

    /// <summary>The connection string with its password replaced, for logs and messages.</summary>
    public static string Redact(string value)
    {
        try
        {
            var builder = Parse(value);
            if (!string.IsNullOrEmpty(builder.Password)) builder.Password = "***";
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unparseable PostgreSQL connection string)";
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) throw new ArgumentException("not a valid postgres:// URL");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) builder.Port = uri.Port;
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            var key = Uri.UnescapeDataString(pair[..eq]);
            var val = Uri.UnescapeDataString(pair[(eq + 1)..]);
            // libpq spells it sslmode=verify-full; Npgsql says "SSL Mode=VerifyFull".
            var isSslMode = key.Equals("sslmode", StringComparison.OrdinalIgnoreCase);
            builder[isSslMode ? "SSL Mode" : key] = isSslMode ? val.Replace("-", "", StringComparison.Ordinal) : val;
        }
        return builder;
    }
}

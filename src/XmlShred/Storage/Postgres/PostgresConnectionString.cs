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
    public static string Redact(string value) => ConnectionUrl.Redact(value, Parse, "PostgreSQL");

    private static NpgsqlConnectionStringBuilder FromUrl(string value)
    {
        var url = ConnectionUrl.Parse(value, "postgres://");
        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host };
        if (url.Port is { } port) builder.Port = port;
        if (url.User is not null) builder.Username = url.User;
        if (url.Password is not null) builder.Password = url.Password;
        if (url.Database is not null) builder.Database = url.Database;
        foreach (var (key, val) in url.Options)
        {
            // libpq spells it sslmode=verify-full; Npgsql says "SSL Mode=VerifyFull".
            var isSslMode = key.Equals("sslmode", StringComparison.OrdinalIgnoreCase);
            builder[isSslMode ? "SSL Mode" : key] = isSslMode ? val.Replace("-", "", StringComparison.Ordinal) : val;
        }
        return builder;
    }
}

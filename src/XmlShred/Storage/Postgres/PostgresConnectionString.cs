using Npgsql;

namespace XmlShred.Storage.Postgres;

/// <summary>Accepts Npgsql keyword strings and <c>postgres://user:pass@host:port/db?key=value</c> URLs.</summary>
public static class PostgresConnectionString
{
    public static ConnectionFormat<NpgsqlConnectionStringBuilder> Format { get; } =
        new("PostgreSQL", ["postgres", "postgresql"], FromUrl, keywords => new NpgsqlConnectionStringBuilder(keywords));

    private static NpgsqlConnectionStringBuilder FromUrl(ConnectionUrl url)
    {
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

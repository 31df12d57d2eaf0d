using Npgsql;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// Accepts Npgsql keyword strings and <c>postgres://user:pass@host:port/db?key=value</c> URLs. URL parameters may be
/// spelled as libpq spells them (what <c>psql</c> users copy: <c>connect_timeout</c>, <c>application_name</c>,
/// <c>sslmode</c>, <c>target_session_attrs</c>, <c>options</c>, …), which are translated to Npgsql settings, or as Npgsql
/// keywords (<c>Timeout=30</c>). The password may be left out: Npgsql then reads PGPASSWORD or the ~/.pgpass file.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>libpq URL parameter → the Npgsql keyword it becomes, and how its value is spelled there.</summary>
    public static readonly IReadOnlyDictionary<string, (string Keyword, Func<string, string> Value)> LibpqParameters =
        new Dictionary<string, (string, Func<string, string>)>(StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = ("Host", v => v),
            ["hostaddr"] = ("Host", v => v),
            ["port"] = ("Port", v => v),
            ["dbname"] = ("Database", v => v),
            ["user"] = ("Username", v => v),
            ["password"] = ("Password", v => v),
            ["passfile"] = ("Passfile", v => v),
            ["connect_timeout"] = ("Timeout", v => v),
            ["application_name"] = ("Application Name", v => v),
            ["fallback_application_name"] = ("Application Name", v => v),
            ["options"] = ("Options", v => v),
            ["client_encoding"] = ("Client Encoding", v => v),
            // verify-full → VerifyFull.
            ["sslmode"] = ("SSL Mode", Pascal),
            ["sslcert"] = ("SSL Certificate", v => v),
            ["sslkey"] = ("SSL Key", v => v),
            ["sslpassword"] = ("SSL Password", v => v),
            ["sslrootcert"] = ("Root Certificate", v => v),
            ["sslnegotiation"] = ("SSL Negotiation", Pascal),
            ["gssencmode"] = ("GSS Encryption Mode", Pascal),
            ["krbsrvname"] = ("Kerberos Service Name", v => v),
            ["channel_binding"] = ("Channel Binding", Pascal),
            ["keepalives"] = ("Tcp Keepalive", v => v == "0" ? "false" : "true"),
            ["keepalives_idle"] = ("Tcp Keepalive Time", v => v),
            ["keepalives_interval"] = ("Tcp Keepalive Interval", v => v),
            ["load_balance_hosts"] = ("Load Balance Hosts", v => v.Equals("random", StringComparison.OrdinalIgnoreCase) ? "true" : "false"),
        };

    private static readonly string[] s_sessionAttributes = ["any", "read-write", "read-only", "primary", "standby", "prefer-standby"];

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
            if (key.Equals("target_session_attrs", StringComparison.OrdinalIgnoreCase) && !builder.Host!.Contains(',', StringComparison.Ordinal))
            {
                // Npgsql only chooses among several hosts. With one host there is nothing to choose: a standby then fails
                // at the first write instead of at connect, so the parameter is checked and otherwise left out.
                if (!s_sessionAttributes.Contains(val)) throw new ArgumentException($"postgres:// URL parameter 'target_session_attrs' must be one of {string.Join(", ", s_sessionAttributes)}");
                continue;
            }
            var (keyword, converted) = LibpqParameters.TryGetValue(key, out var mapping) ? (mapping.Keyword, mapping.Value(val)) : (key, val);
            try
            {
                builder[keyword] = converted;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                // Never echo the value: it may be a password.
                throw new ArgumentException($"postgres:// URL parameter '{key}' is not supported or its value is invalid; use a libpq parameter "
                    + $"({string.Join(", ", LibpqParameters.Keys.Where(k => k != "password"))}) or an Npgsql keyword", ex);
            }
        }
        return builder;
    }

    /// <summary>libpq's lower-case, dash-separated values as Npgsql's enum names (verify-full → VerifyFull).</summary>
    private static string Pascal(string value) =>
        string.Concat(value.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));
}

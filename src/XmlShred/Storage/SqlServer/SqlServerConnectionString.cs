using Microsoft.Data.SqlClient;

namespace XmlShred.Storage.SqlServer;

/// <summary>Accepts SqlClient keyword strings and <c>mssql://user:pass@host:port/db?key=value</c> URLs.</summary>
public static class SqlServerConnectionString
{
    public const string ApplicationName = "xmlshred";

    public static bool IsUrl(string value) =>
        value.StartsWith("mssql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("sqlserver://", StringComparison.OrdinalIgnoreCase);

    public static SqlConnectionStringBuilder Parse(string value)
    {
        var builder = IsUrl(value) ? FromUrl(value) : new SqlConnectionStringBuilder(value);
        if (string.IsNullOrEmpty(builder.ApplicationName) || builder.ApplicationName == new SqlConnectionStringBuilder().ApplicationName)
            builder.ApplicationName = ApplicationName;
        return builder;
    }

    /// <summary>The connection string with its password replaced, for logs and messages.</summary>
    public static string Redact(string value) => ConnectionUrl.Redact(value, Parse, "SQL Server");

    private static SqlConnectionStringBuilder FromUrl(string value)
    {
        var url = ConnectionUrl.Parse(value, "mssql://");
        var builder = new SqlConnectionStringBuilder { DataSource = url.Port is { } port ? $"{url.Host},{port}" : url.Host };
        if (url.User is not null)
        {
            builder.UserID = url.User;
            if (url.Password is not null) builder.Password = url.Password;
        }
        else
        {
            builder.IntegratedSecurity = true;
        }
        if (url.Database is not null) builder.InitialCatalog = url.Database;
        foreach (var (key, val) in url.Options) builder[key] = val;
        return builder;
    }
}

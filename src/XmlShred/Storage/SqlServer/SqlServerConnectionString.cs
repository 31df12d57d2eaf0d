using Microsoft.Data.SqlClient;

namespace XmlShred.Storage.SqlServer;

/// <summary>Accepts SqlClient keyword strings and <c>mssql://user:pass@host:port/db?key=value</c> URLs (also <c>sqlserver://</c>).</summary>
public static class SqlServerConnectionString
{
    public static ConnectionFormat<SqlConnectionStringBuilder> Format { get; } = new("SQL Server", ["mssql", "sqlserver"], FromUrl, keywords => new(keywords));

    /// <summary>No user in the URL means Windows (integrated) authentication.</summary>
    private static SqlConnectionStringBuilder FromUrl(ConnectionUrl url)
    {
        var builder = new SqlConnectionStringBuilder { DataSource = url.Port is { } port ? $"{url.Host},{port}" : url.Host };
        if (url.User is null) builder.IntegratedSecurity = true;
        else builder.UserID = url.User;
        if (url.User is not null && url.Password is not null) builder.Password = url.Password;
        if (url.Database is not null) builder.InitialCatalog = url.Database;
        foreach (var (key, val) in url.Options) builder[key] = val;
        return builder;
    }
}

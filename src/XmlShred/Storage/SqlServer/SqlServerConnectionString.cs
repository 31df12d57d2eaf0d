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
            return "(unparseable SQL Server connection string)";
        }
    }

    private static SqlConnectionStringBuilder FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) throw new ArgumentException("not a valid mssql:// URL");
        var builder = new SqlConnectionStringBuilder { DataSource = uri.Port > 0 ? $"{uri.Host},{uri.Port}" : uri.Host };
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.UserID = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
        else
        {
            builder.IntegratedSecurity = true;
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.InitialCatalog = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) builder[Uri.UnescapeDataString(pair[..eq])] = Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return builder;
    }
}

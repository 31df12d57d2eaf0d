using System.Data.Common;
using System.Globalization;
using XmlShred.Storage;
using XmlShred.Storage.Postgres;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Tests.Storage;

/// <summary>
/// The server providers' connection strings, one table of cases for both: a URL becomes the provider's keywords, every
/// connection is named xmlshred, and a connection string is only ever shown with its password replaced.
/// </summary>
public class ConnectionFormatTests
{
    private static bool IsSqlServer(string value) => TargetDatabaseFactory.DetectDialect(value) == TargetDialect.SqlServer;

    private static DbConnectionStringBuilder Parse(string value) =>
        IsSqlServer(value) ? SqlServerConnectionString.Format.Parse(value) : PostgresConnectionString.Format.Parse(value);

    private static string Redact(string value) =>
        IsSqlServer(value) ? SqlServerConnectionString.Format.Redact(value) : PostgresConnectionString.Format.Redact(value);

    [Theory]
    [InlineData("postgres://shred%40ops:p%3Ass@db.example:6543/credit?sslmode=verify-full&Timeout=30",
        "Host=db.example|Port=6543|Username=shred@ops|Password=p:ss|Database=credit|SSL Mode=VerifyFull|Timeout=30")]
    [InlineData("postgresql://me@localhost/db", "Host=localhost|Port=5432|Username=me|Password=|Database=db")] // the default port
    [InlineData("mssql://sa:S3cr%3Bt@sql.example:1433/credit?TrustServerCertificate=true",
        "Data Source=sql.example,1433|User ID=sa|Password=S3cr;t|Initial Catalog=credit|Trust Server Certificate=True")]
    public void Parse_Url_BecomesTheProvidersKeywords_AndNamesTheApplication(string url, string expected)
    {
        var builder = Parse(url);

        foreach (var pair in expected.Split('|'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var actual = builder.TryGetValue(pair[..equals], out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
            Assert.Equal(pair[(equals + 1)..], actual ?? "");
        }
        Assert.Equal("xmlshred", builder["Application Name"]);
    }

    [Theory]
    [InlineData("postgres://u:topsecret@h:5/db", "Host=h")]
    [InlineData("Host=h;Username=u;Password=topsecret;Database=db", "Host=h")]
    [InlineData("mssql://sa:topsecret@h/db", "h")]
    [InlineData("Server=h;Database=db;User ID=sa;Password=topsecret", "h")]
    public void Redact_NeverShowsThePassword_ButKeepsTheServer(string value, string server)
    {
        var redacted = Redact(value);

        Assert.DoesNotContain("topsecret", redacted);
        Assert.Contains("***", redacted);
        Assert.Contains(server, redacted);
    }
}

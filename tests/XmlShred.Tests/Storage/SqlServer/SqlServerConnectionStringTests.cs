using XmlShred.Storage.SqlServer;

namespace XmlShred.Tests.Storage.SqlServer;

public class SqlServerConnectionStringTests
{
    [Fact]
    public void Parse_Url_BecomesSqlClientKeywords()
    {
        var builder = SqlServerConnectionString.Format.Parse("mssql://sa:S3cr%3Bt@sql.example:1433/credit?TrustServerCertificate=true");

        Assert.Equal("sql.example,1433", builder.DataSource);
        Assert.Equal("sa", builder.UserID);
        Assert.Equal("S3cr;t", builder.Password);
        Assert.Equal("credit", builder.InitialCatalog);
        Assert.True(builder.TrustServerCertificate);
        Assert.Equal("xmlshred", builder.ApplicationName);
    }

    [Theory]
    [InlineData("mssql://sa:topsecret@h/db")]
    [InlineData("Server=h;Database=db;User ID=sa;Password=topsecret")]
    public void Redact_NeverShowsThePassword(string value)
    {
        var redacted = SqlServerConnectionString.Format.Redact(value);

        Assert.DoesNotContain("topsecret", redacted);
        Assert.Contains("***", redacted);
    }
}

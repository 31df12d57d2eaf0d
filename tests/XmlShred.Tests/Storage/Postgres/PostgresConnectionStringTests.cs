using Npgsql;
using XmlShred.Storage.Postgres;

namespace XmlShred.Tests.Storage.Postgres;

public class PostgresConnectionStringTests
{
    [Fact]
    public void Parse_Url_BecomesNpgsqlKeywords()
    {
        var builder = PostgresConnectionString.Format.Parse("postgres://shred%40ops:p%3Ass@db.example:6543/credit?sslmode=verify-full&Timeout=30");

        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("shred@ops", builder.Username);
        Assert.Equal("p:ss", builder.Password);
        Assert.Equal("credit", builder.Database);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal(30, builder.Timeout);
        Assert.Equal("xmlshred", builder.ApplicationName);
    }

    [Fact]
    public void Parse_PostgresqlSchemeWithoutPort_UsesDefaultPort()
    {
        var builder = PostgresConnectionString.Format.Parse("postgresql://me@localhost/db");

        Assert.Equal(5432, builder.Port);
        Assert.Equal("me", builder.Username);
        Assert.Null(builder.Password);
    }

    [Theory]
    [InlineData("postgres://u:topsecret@h:5/db")]
    [InlineData("Host=h;Username=u;Password=topsecret;Database=db")]
    public void Redact_NeverShowsThePassword(string value)
    {
        var redacted = PostgresConnectionString.Format.Redact(value);

        Assert.DoesNotContain("topsecret", redacted);
        Assert.Contains("***", redacted);
        Assert.Contains("Host=h", redacted);
    }
}

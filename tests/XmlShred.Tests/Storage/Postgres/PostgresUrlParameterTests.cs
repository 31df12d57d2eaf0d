using Npgsql;
using XmlShred.Storage.Postgres;

namespace XmlShred.Tests.Storage.Postgres;

/// <summary>URLs copied from psql: libpq's parameter names become Npgsql settings instead of being refused.</summary>
public sealed class PostgresUrlParameterTests(PostgresCluster cluster)
{
    [Fact]
    public void LibpqParameters_BecomeNpgsqlSettings()
    {
        var builder = PostgresConnectionString.Format.Parse("postgresql://app@db:5432/credit?connect_timeout=7&application_name=nightly%20shred"
            + "&sslmode=verify-ca&target_session_attrs=read-write&options=-c%20search_path%3Dmigration&keepalives_idle=30&client_encoding=UTF8");

        Assert.Equal(7, builder.Timeout);
        Assert.Equal("nightly shred", builder.ApplicationName);
        Assert.Equal(SslMode.VerifyCA, builder.SslMode);
        Assert.Null(builder.TargetSessionAttributes); // one host: nothing for Npgsql to choose (see PostgresConnectionString)
        Assert.Equal("-c search_path=migration", builder.Options);
        Assert.Equal(30, builder.TcpKeepAliveTime);
        Assert.Equal("UTF8", builder.ClientEncoding);
    }

    [Theory]
    [InlineData("prefer-standby")]
    [InlineData("any")]
    [InlineData("read-write")]
    public void TargetSessionAttrs_WithOneHost_IsAcceptedAndConnectable(string libpq)
    {
        var builder = PostgresConnectionString.Format.Parse($"postgres://h/db?target_session_attrs={libpq}");

        _ = new NpgsqlConnection(builder.ConnectionString); // Npgsql validates the settings here
    }

    [Fact]
    public void TargetSessionAttrs_AnUnknownValue_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Format.Parse("postgres://h/db?target_session_attrs=writable"));

        Assert.Contains("read-write", error.Message);
    }

    [Fact]
    public void AnUnknownParameter_IsRefusedByName_WithoutEchoingItsValue()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Format.Parse("postgres://h/db?frobnicate=s3cr3t"));

        Assert.Contains("'frobnicate'", error.Message);
        Assert.Contains("connect_timeout", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
    }

    [Fact]
    public async Task ACopiedPsqlUrl_Connects_WithItsApplicationNameAndOptions()
    {
        var keywords = new NpgsqlConnectionStringBuilder(await cluster.DatabaseAsync(nameof(PostgresUrlParameterTests)));
        var url = $"postgresql://{keywords.Username}@{keywords.Host}:{keywords.Port}/{keywords.Database}"
            + "?connect_timeout=5&application_name=from_psql&target_session_attrs=read-write&options=-c%20search_path%3Dxs_url_test&sslmode=disable";

        try
        {
            await using var connection = new NpgsqlConnection(PostgresConnectionString.Format.Parse(url).ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("SELECT current_setting('application_name'), current_setting('search_path')", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);

            Assert.Equal("from_psql", reader.GetString(0));
            Assert.Equal("xs_url_test", reader.GetString(1));
        }
        finally
        {
            await cluster.DropDatabaseAsync(nameof(PostgresUrlParameterTests));
        }
    }
}

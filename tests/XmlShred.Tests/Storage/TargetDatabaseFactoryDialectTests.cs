using XmlShred.Storage;
using XmlShred.Storage.Postgres;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Tests.Storage;

/// <summary>The --db forms that open the server dialects (no connection is made by opening).</summary>
public class TargetDatabaseFactoryDialectTests
{
    [Theory]
    [InlineData("postgres://u:pw@db.example:5433/credit", TargetDialect.PostgreSql)]
    [InlineData("postgresql://u@db.example/credit", TargetDialect.PostgreSql)]
    [InlineData("Host=db.example;Username=u;Password=pw;Database=credit", TargetDialect.PostgreSql)]
    [InlineData("mssql://sa:pw@sql01:1433/credit", TargetDialect.SqlServer)]
    [InlineData("Server=sql01;Database=credit;User ID=sa;Password=pw", TargetDialect.SqlServer)]
    [InlineData("Data Source=sql01;Initial Catalog=credit;Integrated Security=true", TargetDialect.SqlServer)]
    [InlineData("Data Source=target.db", TargetDialect.Sqlite)]
    [InlineData("target.db", TargetDialect.Sqlite)]
    public void DetectDialect_ByTheFormOfTheValue(string db, TargetDialect expected) =>
        Assert.Equal(expected, TargetDatabaseFactory.DetectDialect(db));

    [Theory]
    [InlineData("postgres://u:s3cret@db.example:5433/credit", typeof(PostgresTargetDatabase), "postgresql")]
    [InlineData("Host=db.example;Username=u;Password=s3cret", typeof(PostgresTargetDatabase), "postgresql")]
    [InlineData("mssql://sa:s3cret@sql01:1433/credit", typeof(SqlServerTargetDatabase), "sqlserver")]
    [InlineData("Server=sql01;Database=credit;User ID=sa;Password=s3cret", typeof(SqlServerTargetDatabase), "sqlserver")]
    public async Task Open_ServerDialects_DisplayNameNeverShowsThePassword(string db, Type type, string dialect)
    {
        await using var database = TargetDatabaseFactory.Open(db);

        Assert.IsType(type, database);
        Assert.Equal(dialect, database.Dialect);
        Assert.DoesNotContain("s3cret", database.DisplayName);
        Assert.Contains("***", database.DisplayName);
    }
}

using XmlShred.Storage;
using XmlShred.Storage.Postgres;
using XmlShred.Storage.SqlServer;

namespace XmlShred.Tests.Storage;

/// <summary>Opening a server dialect by its --db form makes no connection and shows no password (dialect detection: <see cref="TargetDatabaseFactoryTests"/>).</summary>
public class TargetDatabaseFactoryDialectTests
{
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

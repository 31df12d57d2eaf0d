using XmlShred.Storage;
using XmlShred.Storage.Sqlite;

namespace XmlShred.Tests.Storage;

public class TargetDatabaseFactoryTests
{
    [Theory]
    [InlineData("shred.db", TargetDialect.Sqlite)]
    [InlineData("/tmp/x/shred.sqlite", TargetDialect.Sqlite)]
    [InlineData("Data Source=shred.db;Cache=Shared", TargetDialect.Sqlite)]
    [InlineData("postgres://u:p@db/x", TargetDialect.PostgreSql)]
    [InlineData("postgresql://db/x", TargetDialect.PostgreSql)]
    [InlineData("Host=db;Database=x;Username=u", TargetDialect.PostgreSql)]
    [InlineData("Server=tcp:db,1433;Database=x", TargetDialect.SqlServer)]
    [InlineData("Data Source=db;Initial Catalog=x;Integrated Security=true", TargetDialect.SqlServer)]
    [InlineData("postgres://u:pw@db.example:5433/credit", TargetDialect.PostgreSql)]
    [InlineData("mssql://sa:pw@sql01:1433/credit", TargetDialect.SqlServer)]
    [InlineData("Server=sql01;Database=credit;User ID=sa;Password=pw", TargetDialect.SqlServer)]
    [InlineData("Data Source=target.db", TargetDialect.Sqlite)]
    public void DetectDialect_ChoosesByTheFormOfTheValue(string connection, TargetDialect expected) =>
        Assert.Equal(expected, TargetDatabaseFactory.DetectDialect(connection));

    [Fact]
    public void SqliteDisplayName_RedactsThePassword()
    {
        var database = new SqliteTargetDatabase(SqliteTargetDatabase.NormalizeConnectionString("Data Source=secret.db;Password=hunter2"));

        Assert.DoesNotContain("hunter2", database.DisplayName);
        Assert.Contains("secret.db", database.DisplayName);
    }
}

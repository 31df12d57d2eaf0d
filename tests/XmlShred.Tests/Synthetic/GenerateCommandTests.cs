using System.CommandLine;
using XmlShred.Cli;

namespace XmlShred.Tests.Synthetic;

public class GenerateCommandTests
{
    [Fact]
    public void Generate_WritesOneXmlFilePerDocument_AndSummarizes()
    {
        var folder = Directory.CreateTempSubdirectory("xmlshred-gen-");
        try
        {
            var output = new StringWriter();
            var config = new InvocationConfiguration { Output = output, Error = new StringWriter() };
            var code = Program.BuildRoot().Parse(["generate", "--count", "12", "--out", folder.FullName, "--seed", "3", "--invalid-rate", "0.5", "--first-app-id", "40"])
                .Invoke(config);

            Assert.Equal(0, code);
            var files = folder.GetFiles("*.xml").Select(f => f.Name).Order().ToList();
            Assert.Equal(Enumerable.Range(40, 12).Select(i => $"demo-{i:D8}.xml"), files);
            Assert.Contains("Wrote 12 documents", output.ToString());
            Assert.Contains("median", output.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void GenerateIntoTheDatabase_FillsTheSourceTable_KeepsIdsAlreadyThere_AndTheRunRejectsTheBrokenOnes()
    {
        var folder = Directory.CreateTempSubdirectory("xmlshred-gen-db-");
        try
        {
            var db = Path.Combine(folder.FullName, "soak.db");
            var contract = Path.Combine(AppContext.BaseDirectory, "examples", "contract.json");
            Assert.Equal(0, Tests.Cli.CliRunner.Run("init", "--db", db, "--contract", contract).ExitCode);

            var first = Tests.Cli.CliRunner.Run("generate", "--count", "30", "--db", db, "--contract", contract, "--batch-size", "7", "--invalid-rate", "0.2", "--seed", "5");
            var again = Tests.Cli.CliRunner.Run("generate", "--count", "10", "--db", db, "--contract", contract, "--first-app-id", "25");
            var run = Tests.Cli.CliRunner.Run("run", "--db", db, "--contract", contract, "--no-progress");

            Assert.Equal(0, first.ExitCode);
            Assert.Contains("30 inserted, 0 already present", first.Output);
            Assert.Contains("4 inserted, 6 already present", again.Output); // ids 25..34: 25..30 were there
            Assert.Equal(34, Scalar(db, "SELECT COUNT(*) FROM app_xml"));
            Assert.Equal(Enumerable.Range(1, 34).Select(i => (long)i), Column(db, "SELECT app_id FROM app_xml ORDER BY app_id"));
            var invalid = int.Parse(System.Text.RegularExpressions.Regex.Match(first.Output, @"invalid (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(invalid, 1, 29);
            Assert.Equal(3, run.ExitCode); // some applications failed: the broken documents
            Assert.Equal(invalid, Scalar(db, "SELECT COUNT(*) FROM processing_log WHERE status = 'failed'"));
            Assert.Equal(34 - invalid, Scalar(db, "SELECT COUNT(*) FROM processing_log WHERE status = 'success'"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Generate_NeedsExactlyOneOfOutAndDb()
    {
        var neither = Tests.Cli.CliRunner.Run("generate", "--count", "3");
        var both = Tests.Cli.CliRunner.Run("generate", "--count", "3", "--out", Path.GetTempPath(), "--db", "x.db");

        Assert.Equal((2, 2), (neither.ExitCode, both.ExitCode));
        Assert.Contains("give either --out <folder> or --db <database>", neither.Error);
        Assert.Contains("give either --out <folder> or --db <database>", both.Error);
    }

    private static long Scalar(string db, string sql) => Column(db, sql)[0];

    private static List<long> Column(string db, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read()) values.Add(reader.GetInt64(0));
        return values;
    }

    [Fact]
    public void Generate_RefusesAnInvalidRateAboveOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), "xmlshred-gen-never-" + Guid.NewGuid().ToString("N"));
        var error = new StringWriter();
        var config = new InvocationConfiguration { Output = new StringWriter(), Error = error };

        var code = Program.BuildRoot().Parse(["generate", "--count", "3", "--out", folder, "--invalid-rate", "2"]).Invoke(config);

        Assert.Equal(2, code);
        Assert.Contains("InvalidRate", error.ToString());
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Help_DescribesEveryOptionAndGivesAnExample()
    {
        var help = new StringWriter();
        Program.BuildRoot().Parse(["generate", "--help"]).Invoke(new InvocationConfiguration { Output = help });

        foreach (var option in new[] { "--count", "--out", "--seed", "--invalid-rate", "--first-app-id" }) Assert.Contains(option, help.ToString());
        Assert.Contains("xmlshred generate --count", help.ToString());
    }
}

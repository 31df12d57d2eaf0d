using XmlShred.Contract;
using XmlShred.Storage;
using XmlShred.Storage.SqlServer;
using XmlShred.Tests.Storage;

namespace XmlShred.Tests.Storage.SqlServer;

/// <summary>SQL Server cannot run here: the generated T-SQL is checked as text.</summary>
public class SqlServerSqlTests
{
    private static readonly CompiledContract s_contract = StorageTestContract.Build("migration");

    [Fact]
    public void SchemaDdl_CreatesSchemaAndTablesOnlyWhenMissing()
    {
        var ddl = ServerDdl.For(SqlServerDialect.Instance, s_contract);

        Assert.Equal("IF SCHEMA_ID(N'migration') IS NULL EXEC(N'CREATE SCHEMA [migration]')", ddl[0]);
        Assert.All(ddl.Skip(1), s => Assert.Matches(@"^IF (OBJECT_ID\(N'\[migration\]\.\[\w+\]', N'U'\) IS NULL|(NOT )?EXISTS \(SELECT 1 FROM sys.indexes)", s));
        Assert.Equal(1 + s_contract.Tables.Count + 5, ddl.Count);
    }

    [Fact]
    public void SchemaDdl_MapsContractTypesToTsqlTypes()
    {
        var values = ServerDdl.For(SqlServerDialect.Instance, s_contract).Single(s => s.Contains("CREATE TABLE [migration].[app_values]"));

        Assert.Contains("[app_id] int NOT NULL", values);
        Assert.Contains("[tiny_col] tinyint NULL", values);
        Assert.Contains("[dec_col] decimal(18,3) NULL", values);
        Assert.Contains("[dec_default] decimal(18,2) NULL", values);
        Assert.Contains("[float_col] float NULL", values);
        Assert.Contains("[bit_col] bit NULL", values);
        Assert.Contains("[dt_col] datetime NULL", values);
        Assert.Contains("[date_col] date NULL", values);
        Assert.Contains("[short_text] nvarchar(10) NULL", values);
        Assert.Contains("[long_text] nvarchar(max) NULL", values);
        Assert.Contains("PRIMARY KEY ([app_id])", values);
        Assert.Contains("FOREIGN KEY ([app_id]) REFERENCES [migration].[app_base] ([app_id]) ON DELETE CASCADE", values);
        Assert.DoesNotContain("IDENTITY", values);
    }

    [Fact]
    public void SchemaDdl_AddressReferencesContact_LogHasIdentityAndIndex_SourceKeyedByAppId()
    {
        var ddl = ServerDdl.For(SqlServerDialect.Instance, s_contract);

        Assert.Contains(ddl, s => s.Contains("CREATE TABLE [migration].[app_contact_address]") && s.Contains("REFERENCES [migration].[app_contact_base] ([con_id])"));
        Assert.Contains(ddl, s => s.Contains("CREATE TABLE [migration].[processing_log]") && s.Contains("log_id bigint IDENTITY(1,1) NOT NULL PRIMARY KEY"));
        Assert.Contains(ddl, s => s.Contains("CREATE UNIQUE INDEX [UX_processing_log_app_id] ON [migration].[processing_log] (app_id)"));
        Assert.Contains(ddl, s => s.Contains("DROP INDEX [IX_processing_log_app_id] ON [migration].[processing_log]"));
        Assert.Contains(ddl, s => s.Contains("DELETE FROM d WHERE rn > 1"));
        Assert.Contains(ddl, s => s.Contains("CREATE TABLE [migration].[app_xml] (app_id bigint NOT NULL PRIMARY KEY, [app_XML] nvarchar(max) NULL)"));
    }

    [Fact]
    public void MergeSql_InsertIfAbsent_FirstRowPerKeyAndOnlyWhenAbsent()
    {
        var group = new TableRowGroup(s_contract.FindTable("app_contact_address")!, ["con_id", "address_type_enum", "city"]);

        var sql = SqlServerMergeSql.Merge("#s", "[m].[app_contact_address]", group);

        Assert.Contains("ROW_NUMBER() OVER (PARTITION BY [con_id], [address_type_enum] ORDER BY xmlshred_ord ASC)", sql);
        Assert.Contains("INSERT INTO [m].[app_contact_address] ([con_id], [address_type_enum], [city])", sql);
        Assert.Contains("WHERE NOT EXISTS (SELECT 1 FROM [m].[app_contact_address] AS tgt WITH (UPDLOCK, HOLDLOCK) WHERE tgt.[con_id] = src.[con_id] AND tgt.[address_type_enum] = src.[address_type_enum])", sql);
        Assert.Contains("SET IDENTITY_INSERT [m].[app_contact_address] ON", sql);
        Assert.EndsWith("DROP TABLE #s;", sql);
    }

    [Fact]
    public void MergeSql_Upsert_LastRowPerKeyUpdatesNonKeyColumns()
    {
        var group = new TableRowGroup(s_contract.FindTable("scores")!, ["app_id", "score_identifier", "score"]);

        var sql = SqlServerMergeSql.Merge("#s", "[m].[scores]", group);

        Assert.Contains("MERGE [m].[scores] WITH (HOLDLOCK) AS tgt", sql);
        Assert.Contains("ORDER BY xmlshred_ord DESC", sql);
        Assert.Contains("ON tgt.[app_id] = src.[app_id] AND tgt.[score_identifier] = src.[score_identifier]", sql);
        Assert.Contains("WHEN MATCHED THEN UPDATE SET tgt.[score] = src.[score]", sql);
        Assert.Contains("WHEN NOT MATCHED BY TARGET THEN INSERT ([app_id], [score_identifier], [score]) VALUES (src.[app_id], src.[score_identifier], src.[score]);", sql);
    }

    [Fact]
    public void CreateStage_EmptyCopyOfTargetColumnsPlusOrdinal()
    {
        var group = new TableRowGroup(s_contract.FindTable("scores")!, ["app_id", "score_identifier", "score"]);

        var sql = SqlServerMergeSql.CreateStage("#s", "[m].[scores]", group);

        Assert.Equal("DROP TABLE IF EXISTS #s;\nSELECT TOP (0) [app_id], [score_identifier], [score], CAST(0 AS bigint) AS xmlshred_ord INTO #s FROM [m].[scores];", sql);
    }

    [Fact]
    public void SourceQuery_KeysetPageWithSelectionAndProcessedSkip()
    {
        var sql = SourceQuery.Page(SqlServerDialect.Instance, s_contract, new SourceSelection { AppIdStart = 1, AppIdEnd = 9, PartitionCount = 4, PartitionIndex = 1 });

        Assert.StartsWith("SELECT TOP (@page) s.app_id, DATALENGTH(s.[app_XML]), s.[app_XML] FROM [migration].[app_xml] AS s", sql);
        Assert.Contains("WHERE s.app_id > @last AND s.[app_XML] IS NOT NULL\n  AND s.app_id >= @start\n  AND s.app_id <= @end\n  AND s.app_id % @partitions = @partition", sql);
        Assert.Contains("NOT EXISTS (SELECT 1 FROM [migration].[processing_log] AS l WHERE l.[app_id] = s.[app_id])", sql);
        Assert.EndsWith("ORDER BY s.app_id", sql);
        Assert.DoesNotContain("@start", SourceQuery.Page(SqlServerDialect.Instance, s_contract, SourceSelection.All));
        Assert.StartsWith("SELECT COUNT_BIG(*) FROM [migration].[app_xml] AS s WHERE s.[app_XML] IS NOT NULL", SourceQuery.Count(SqlServerDialect.Instance, s_contract, SourceSelection.All));
    }

    [Fact]
    public void StagedTables_AreExactlyTheInsertIfAbsentAndUpsertKinds()
    {
        var staged = s_contract.Tables.Where(t => new TableRowGroup(t, t.Columns.Select(c => c.Name).ToArray()).NeedsStage).Select(t => t.Name);

        Assert.Equal(["app_contact_base", "app_contact_address", "scores"], staged);
    }
}

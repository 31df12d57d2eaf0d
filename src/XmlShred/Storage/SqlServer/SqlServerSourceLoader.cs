using Microsoft.Data.SqlClient;
using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// The <c>load</c> command's insert into the source table: bulk copy into #temp, then one MERGE whose OUTPUT $action
/// tells inserts from replacements, all in one transaction.
/// </summary>
internal static class SqlServerSourceLoader
{
    private const string Stage = "#xmlshred_load";

    public static async Task<SourceLoadResult> LoadAsync(SqlConnection connection, CompiledContract contract, IReadOnlyList<SourceDocument> documents, bool replace, CancellationToken cancellationToken)
    {
        var plan = new TablePlan
        {
            Name = Stage,
            Kind = TableKind.Application,
            WriteOrder = 0,
            Entries = [],
            Columns = [new ColumnSpec("app_id", DataType.BigInt, null, true), new ColumnSpec("xml", DataType.String, -1, false)],
            KeyColumns = ["app_id"],
        };
        var group = new TableRowGroup(plan, ["app_id", "xml"]);
        // One row per app_id (MERGE may not match a target row twice): the last document wins.
        foreach (var document in documents.GroupBy(d => d.AppId)) group.AddInColumnOrder(document.Key, document.Last().Xml);

        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new SqlCommand(CreateStageSql, connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        using (var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.KeepNulls, transaction) { DestinationTableName = Stage, BulkCopyTimeout = 0 })
        using (var reader = new MappedRowsDataReader(group))
        {
            bulk.ColumnMappings.Add("app_id", "app_id");
            bulk.ColumnMappings.Add("xml", "xml");
            await bulk.WriteToServerAsync(reader, cancellationToken);
        }
        var merge = MergeSql(contract, replace);
        int inserted = 0, replaced = 0;
        await using (var command = new SqlCommand(merge, connection, transaction) { CommandTimeout = 0 })
        await using (var actions = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await actions.ReadAsync(cancellationToken))
            {
                if (actions.GetString(0) == "INSERT") inserted++;
                else replaced++;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new SourceLoadResult(inserted, replaced, documents.Count - inserted - replaced);
    }

    /// <summary>The #temp table the documents are bulk-copied into.</summary>
    public const string CreateStageSql = $"DROP TABLE IF EXISTS {Stage}; CREATE TABLE {Stage} (app_id bigint NOT NULL PRIMARY KEY, xml nvarchar(max) NULL);";

    /// <summary>#temp → source table; OUTPUT $action tells inserts from replacements.</summary>
    public static string MergeSql(CompiledContract contract, bool replace)
    {
        var column = SqlServerDialect.Instance.Quote(contract.SourceColumn);
        return $"MERGE {SqlServerDialect.Instance.Qualified(contract.TargetSchema, contract.SourceTable)} WITH (HOLDLOCK) AS t USING {Stage} AS s ON t.app_id = s.app_id\n"
            + (replace ? $"WHEN MATCHED THEN UPDATE SET t.{column} = s.xml\n" : "")
            + $"WHEN NOT MATCHED BY TARGET THEN INSERT (app_id, {column}) VALUES (s.app_id, s.xml)\nOUTPUT $action;\nDROP TABLE {Stage};";
    }
}

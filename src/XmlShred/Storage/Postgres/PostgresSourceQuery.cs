using System.Text;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// One keyset page of pending source rows: after the last app_id seen, inside the selection, without a processing_log
/// row. Keyset rather than OFFSET so every page costs the same and a resumed run starts where work remains.
/// </summary>
internal static class PostgresSourceQuery
{
    public static string Sql(CompiledContract contract, SourceSelection selection)
    {
        var schema = contract.TargetSchema;
        var xml = PostgresTypes.Quote(contract.SourceColumn);
        var sql = new StringBuilder();
        sql.Append("SELECT s.app_id, s.").Append(xml).Append(" FROM ").Append(PostgresTypes.Qualified(schema, contract.SourceTable)).Append(" s\n")
           .Append("WHERE s.app_id > @last AND s.").Append(xml).Append(" IS NOT NULL");
        if (selection.AppIdStart is not null) sql.Append(" AND s.app_id >= @start");
        if (selection.AppIdEnd is not null) sql.Append(" AND s.app_id <= @end");
        if (selection.PartitionCount is > 0) sql.Append(" AND s.app_id % @partitions = @partition");
        sql.Append("\n  AND NOT EXISTS (SELECT 1 FROM ").Append(PostgresTypes.Qualified(schema, contract.ProcessingLogTable))
           .Append(" p WHERE p.app_id = s.app_id)\nORDER BY s.app_id LIMIT @page");
        return sql.ToString();
    }
}

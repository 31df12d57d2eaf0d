using System.Text;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>One keyset page of pending source rows (see PostgresSourceQuery): TOP (@page) … WHERE app_id > @last … ORDER BY app_id.</summary>
internal static class SqlServerSourceQuery
{
    public static string Sql(CompiledContract contract, SourceSelection selection)
    {
        var schema = contract.TargetSchema;
        var xml = SqlServerTypes.Quote(contract.SourceColumn);
        var sql = new StringBuilder();
        sql.Append("SELECT TOP (@page) s.app_id, s.").Append(xml).Append(" FROM ").Append(SqlServerTypes.Qualified(schema, contract.SourceTable)).Append(" AS s\n")
           .Append("WHERE s.app_id > @last AND s.").Append(xml).Append(" IS NOT NULL");
        if (selection.AppIdStart is not null) sql.Append(" AND s.app_id >= @start");
        if (selection.AppIdEnd is not null) sql.Append(" AND s.app_id <= @end");
        if (selection.PartitionCount is > 0) sql.Append(" AND s.app_id % @partitions = @partition");
        sql.Append("\n  AND NOT EXISTS (SELECT 1 FROM ").Append(SqlServerTypes.Qualified(schema, contract.ProcessingLogTable))
           .Append(" AS p WHERE p.app_id = s.app_id)\nORDER BY s.app_id");
        return sql.ToString();
    }
}

using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// T-SQL that moves a staged row group (#temp, filled by SqlBulkCopy) into its target per OUTPUT-6. ROW_NUMBER keeps the
/// first row per key (insert-if-absent) or the last (upsert) when two applications of one batch share a key: MERGE
/// fails if a source row matches a target row twice, and NOT EXISTS would let both duplicates in.
/// </summary>
internal static class SqlServerMergeSql
{
    private const string Ordinal = MappedRowsDataReader.OrdinalColumn;

    public static string StageName(int index) => "#xmlshred_stage_" + index;

    /// <summary>An empty #temp shaped like the target's columns (same types), plus the ordinal; dropped first if left over.</summary>
    public static string CreateStage(string stage, string qualifiedTarget, TableRowGroup group) =>
        $"DROP TABLE IF EXISTS {stage};\nSELECT TOP (0) {Columns(group, "")}, CAST(0 AS bigint) AS {Ordinal} INTO {stage} FROM {qualifiedTarget};";

    public static string Merge(string stage, string qualifiedTarget, TableRowGroup group)
    {
        var keys = group.Plan.KeyColumns.Where(group.Columns.Contains).ToList();
        var upsert = group.Plan.Kind.IsUpsert();
        var source = $"(SELECT {Columns(group, "")} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY {string.Join(", ", keys.Select(Q))} ORDER BY {Ordinal} {(upsert ? "DESC" : "ASC")}) AS xmlshred_rn FROM {stage}) AS ranked WHERE ranked.xmlshred_rn = 1)";
        var match = string.Join(" AND ", keys.Select(k => $"tgt.{Q(k)} = src.{Q(k)}"));
        var sql = IdentityInsert(qualifiedTarget, on: true);
        if (!upsert)
        {
            sql += $"INSERT INTO {qualifiedTarget} ({Columns(group, "")})\nSELECT {Columns(group, "src.")} FROM {source} AS src\n"
                 + $"WHERE NOT EXISTS (SELECT 1 FROM {qualifiedTarget} AS tgt WITH (UPDLOCK, HOLDLOCK) WHERE {match});\n";
        }
        else
        {
            var updates = group.Columns.Where(c => !group.Plan.KeyColumns.Contains(c)).Select(c => $"tgt.{Q(c)} = src.{Q(c)}").ToList();
            sql += $"MERGE {qualifiedTarget} WITH (HOLDLOCK) AS tgt\nUSING {source} AS src\nON {match}\n"
                 + (updates.Count > 0 ? $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", updates)}\n" : "")
                 + $"WHEN NOT MATCHED BY TARGET THEN INSERT ({Columns(group, "")}) VALUES ({Columns(group, "src.")});\n";
        }
        return sql + IdentityInsert(qualifiedTarget, on: false) + $"DROP TABLE {stage};";
    }

    /// <summary>Pre-existing production tables keep IDENTITY on app_id/con_id; ids are always explicit (OUTPUT-3).</summary>
    private static string IdentityInsert(string qualifiedTarget, bool on) =>
        $"IF OBJECTPROPERTY(OBJECT_ID(N'{qualifiedTarget.Replace("'", "''", StringComparison.Ordinal)}'), 'TableHasIdentity') = 1 SET IDENTITY_INSERT {qualifiedTarget} {(on ? "ON" : "OFF")};\n";

    private static string Q(string identifier) => SqlServerDialect.Instance.Quote(identifier);

    private static string Columns(TableRowGroup group, string prefix) => string.Join(", ", group.Columns.Select(c => prefix + Q(c)));
}

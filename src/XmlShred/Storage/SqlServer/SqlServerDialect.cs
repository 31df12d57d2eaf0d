using System.Data;
using System.Data.Common;
using XmlShred.Contract;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// T-SQL's spelling of the shared SQL. Column types follow the production schema (int, smallint, tinyint, bigint,
/// decimal(18, s), bit, datetime, smalldatetime, date); strings are nvarchar so no text is lost to a code page.
/// </summary>
internal sealed class SqlServerDialect : IServerDialect
{
    public static SqlServerDialect Instance { get; } = new();

    public SqlColumnTypes Types { get; } = new(
        Int: new("int", typeof(int)), SmallInt: new("smallint", typeof(short)), TinyInt: new("tinyint", typeof(byte)), BigInt: new("bigint", typeof(long)),
        Float: new("float", typeof(double)), Bit: new("bit", typeof(bool)), DateTime: new("datetime", typeof(DateTime)),
        SmallDateTime: new("smalldatetime", typeof(DateTime)), Date: new("date", typeof(DateTime)), Decimal: "decimal",
        Text: length => length is > 0 and <= 4000 ? $"nvarchar({length})" : "nvarchar(max)");

    public string SqlType(ColumnSpec column) => Types.SqlType(column);

    public ProcessingLogTypes LogTypes { get; } = new("datetime2(7)", "bigint IDENTITY(1,1) NOT NULL PRIMARY KEY", "SYSUTCDATETIME()");
    public string CountAll => "COUNT_BIG(*)";

    public string Page(string columns, string from, string where, string orderBy) =>
        $"SELECT TOP ({SourceQuery.PageSize}) {columns} FROM {from}\nWHERE {where}\nORDER BY {orderBy}";

    /// <summary>Sequential access streams large XML values instead of buffering whole rows.</summary>
    public CommandBehavior PageBehavior => CommandBehavior.SequentialAccess;

    public async ValueTask<string> ReadTextAsync(DbDataReader reader, int ordinal, CancellationToken cancellationToken)
    {
        using var text = reader.GetTextReader(ordinal);
        return await text.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Bracket-quoted identifier (contract names are validated plain identifiers; ] is doubled anyway).</summary>
    public string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    public string Qualified(string schema, string table) => Quote(schema) + "." + Quote(table);

    /// <summary>An N'…' literal of a qualified name, for OBJECT_ID().</summary>
    public string NameLiteral(string schema, string table) => "N'" + Qualified(schema, table).Replace("'", "''", StringComparison.Ordinal) + "'";

    public string CreateSchemaIfMissing(string schema) => $"IF SCHEMA_ID(N'{schema}') IS NULL EXEC(N'CREATE SCHEMA {Quote(schema)}')";

    public string CreateTableIfMissing(string schema, string table, string body) =>
        $"IF OBJECT_ID({NameLiteral(schema, table)}, N'U') IS NULL\nCREATE TABLE {Qualified(schema, table)} {body}";

    public IReadOnlyList<string> OneLogRowPerApplication(string schema, string logTable)
    {
        var log = Qualified(schema, logTable);
        string IndexExists(string name) => $"EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'{name}' AND object_id = OBJECT_ID({NameLiteral(schema, logTable)}))";
        var unique = "UX_" + logTable + "_app_id";
        var plain = "IX_" + logTable + "_app_id";
        return
        [
            $"IF NOT {IndexExists(unique)}\nWITH d AS (SELECT ROW_NUMBER() OVER (PARTITION BY app_id ORDER BY {ProcessingLogSchema.KeepFirst}) AS rn FROM {log}) DELETE FROM d WHERE rn > 1",
            $"IF {IndexExists(plain)} DROP INDEX {Quote(plain)} ON {log}",
            $"IF NOT {IndexExists(unique)} CREATE UNIQUE INDEX {Quote(unique)} ON {log} (app_id)",
        ];
    }

    public string SourceTableBody(string quotedXmlColumn) => $"(app_id bigint NOT NULL PRIMARY KEY, {quotedXmlColumn} nvarchar(max) NULL)";

    /// <summary>An exclusive application lock owned by the transaction.</summary>
    public (string Sql, string Value) SchemaLock(string schema) =>
        ("EXEC sp_getapplock @Resource = @lock, @LockMode = 'Exclusive', @LockOwner = 'Transaction'", "xmlshred:" + schema);

    public string DefaultedColumnsSql => """
        SELECT t.name, c.name
        FROM sys.columns c JOIN sys.tables t ON t.object_id = c.object_id JOIN sys.schemas s ON s.schema_id = t.schema_id
        WHERE s.name = @schema AND (c.default_object_id <> 0 OR c.is_identity = 1 OR c.is_computed = 1)
        """;

    /// <summary>Names compare case-insensitively, as SQL Server's default collations do.</summary>
    public IEqualityComparer<(string, string)>? NameComparer => IgnoreCase.Instance;

    private sealed class IgnoreCase : IEqualityComparer<(string, string)>
    {
        public static IgnoreCase Instance { get; } = new();

        public bool Equals((string, string) x, (string, string) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Item2, y.Item2, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}

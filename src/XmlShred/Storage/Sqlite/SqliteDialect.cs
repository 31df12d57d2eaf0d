using XmlShred.Contract;

namespace XmlShred.Storage.Sqlite;

/// <summary>
/// SQLite's spelling of the shared SQL. SQLite has no schemas, so the contract's <c>target_schema</c> is ignored: one
/// database file is one target.
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public string Quote(string identifier) => SqliteSchema.Q(identifier);

    public string Qualified(string schema, string table) => SqliteSchema.Q(table);

    public string SqlType(ColumnSpec column) => SqliteSchema.TypeOf(column.DataType);

    /// <summary>Date-times are ISO-8601 text (see <see cref="SqliteSchema.TypeOf"/>); the writer always sets processing_time.</summary>
    public ProcessingLogTypes LogTypes { get; } = new("TEXT", "INTEGER PRIMARY KEY AUTOINCREMENT", null);
    public string CountAll => "COUNT(*)";

    public string Page(string columns, string from, string where, string orderBy) =>
        $"SELECT {columns} FROM {from}\nWHERE {where}\nORDER BY {orderBy} LIMIT {SourceQuery.PageSize}";
}

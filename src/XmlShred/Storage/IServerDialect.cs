namespace XmlShred.Storage;

/// <summary>The parts of a server dialect's DDL that are spelled differently (see <see cref="ServerDdl"/>).</summary>
internal interface IServerDialect : ISqlDialect
{
    SqlColumnTypes Types { get; }

    string CreateSchemaIfMissing(string schema);

    /// <param name="body">The parenthesised column list.</param>
    string CreateTableIfMissing(string schema, string table, string body);

    /// <summary>
    /// The unique index on processing_log.app_id: at most one row per application (the exactly-once gate inserts
    /// against it; resumed runs use it to skip finished applications). A database from before the rule may hold
    /// several rows for one application (two runs raced) and a plain index: the statements first keep one row per
    /// app_id (the success row, else the newest failed one) while the unique index is missing, drop the plain index,
    /// then create the unique one. Idempotent.
    /// </summary>
    IReadOnlyList<string> OneLogRowPerApplication(string schema, string logTable);

    /// <summary>The parenthesised column list of the source table: app_id key and the XML text column.</summary>
    string SourceTableBody(string quotedXmlColumn);

    /// <summary>A catalog query of (table, column) pairs in schema <c>@schema</c> that have a default, identity or generated value.</summary>
    string DefaultedColumnsSql { get; }

    /// <summary>How the catalog compares (table, column) names; null for ordinal.</summary>
    IEqualityComparer<(string, string)>? NameComparer { get; }

    /// <summary>A statement taking a lock for the transaction on <c>@lock</c>, and its value, so that two processes never create one schema at once.</summary>
    (string Sql, string Value) SchemaLock(string schema);
}

using System.Data.Common;

namespace XmlShred.Storage;

/// <summary>
/// Reads the XML column of a source row. <c>init</c> creates a text column, but users may stage XML as bytes
/// (SQLite BLOB, PostgreSQL bytea, SQL Server varbinary); those are handed on undecoded, so the worker decodes them
/// by the XML rules instead of the provider guessing a text encoding.
/// </summary>
internal static class SourceColumn
{
    public static bool IsBinary(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(byte[]);
}

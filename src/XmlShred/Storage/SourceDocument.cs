namespace XmlShred.Storage;

/// <summary>One row of the source table: the staging <c>app_id</c> and its XML text.</summary>
public sealed record SourceDocument(long AppId, string Xml)
{
    /// <summary>
    /// The raw value of a binary source column (SQLite BLOB, PostgreSQL bytea, SQL Server varbinary), still to be
    /// decoded by the XML rules (byte-order mark, else the XML declaration's encoding, else UTF-8); <see cref="Xml"/>
    /// is empty then. Decoding happens on a mapping worker, and bytes that do not decode fail this document alone.
    /// </summary>
    public byte[]? Bytes { get; init; }

    /// <summary>The claimed chunk this row was read under (null outside a claim); carried to its log row for the fence check.</summary>
    public Fleet.ChunkLease? Lease { get; init; }

    /// <summary>A row read from a binary column.</summary>
    public static SourceDocument FromBytes(long appId, byte[] bytes) => new(appId, "") { Bytes = bytes };
}

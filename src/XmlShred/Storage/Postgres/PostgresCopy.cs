using Npgsql;
using NpgsqlTypes;

namespace XmlShred.Storage.Postgres;

/// <summary>Binary COPY of row groups and processing_log rows on the caller's connection (and so its transaction).</summary>
internal static class PostgresCopy
{
    /// <summary>Name of the extra ordinal column of staging tables: it keeps batch order for first/last-wins dedupe.</summary>
    public const string OrdinalColumn = "xmlshred_ord";

    public static async Task RowsAsync(NpgsqlConnection connection, string qualifiedTable, TableRowGroup group, bool withOrdinal, CancellationToken cancellationToken)
    {
        var columns = group.Columns.Select(PostgresTypes.Quote).ToList();
        if (withOrdinal) columns.Add(OrdinalColumn);
        var dbTypes = group.Specs.Select(PostgresTypes.DbType).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {qualifiedTable} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long ordinal = 0;
        foreach (var row in group.Rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < group.Specs.Count; i++)
            {
                var value = i < row.Length ? row[i] : null;
                if (ValueCoercion.IsNull(value)) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(Converted(group, i, value!), dbTypes[i], cancellationToken);
            }
            if (withOrdinal) await importer.WriteAsync(ordinal++, NpgsqlDbType.Bigint, cancellationToken);
        }
        // Without Complete the import is rolled back on dispose; errors (e.g. 23505) surface here.
        await importer.CompleteAsync(cancellationToken);
    }

    private static object Converted(TableRowGroup group, int index, object value)
    {
        try
        {
            return PostgresTypes.Convert(group.Specs[index], value);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw new ValueConversionException($"{group.Plan.Name}.{group.Columns[index]}: value '{value}' does not fit {PostgresTypes.SqlType(group.Specs[index])}", ex);
        }
    }

    public const string LogColumns = "app_id, status, stage, failure_reason, processing_time, session_id, run_id, contract_hash, app_id_start, app_id_end, duration_ms";

    public static async Task LogAsync(NpgsqlConnection connection, string qualifiedLog, IEnumerable<ProcessingLogEntry> entries, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {qualifiedLog} ({LogColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var entry in entries)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(entry.AppId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(entry.Status, NpgsqlDbType.Varchar, cancellationToken);
            await WriteTextAsync(importer, entry.Stage, cancellationToken);
            await WriteTextAsync(importer, Cut(entry.FailureReason, ProcessingLogEntry.MaxReasonLength), cancellationToken);
            await importer.WriteAsync(ValueCoercion.ToDateTime(entry.ProcessingTime), NpgsqlDbType.Timestamp, cancellationToken);
            await WriteTextAsync(importer, entry.SessionId, cancellationToken);
            await WriteTextAsync(importer, entry.RunId, cancellationToken);
            await WriteTextAsync(importer, entry.ContractHash, cancellationToken);
            await WriteInt64Async(importer, entry.AppIdStart, cancellationToken);
            await WriteInt64Async(importer, entry.AppIdEnd, cancellationToken);
            await importer.WriteAsync(entry.DurationMs, NpgsqlDbType.Double, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static string? Cut(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? text, CancellationToken cancellationToken) =>
        text is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(text, NpgsqlDbType.Varchar, cancellationToken);

    private static Task WriteInt64Async(NpgsqlBinaryImporter importer, long? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v, NpgsqlDbType.Bigint, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}

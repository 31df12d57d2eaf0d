using Microsoft.Data.SqlClient;
using XmlShred.Values;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// Duplicate key (2627, 2601), FK/CHECK (547) and NOT NULL (515) → constraint_violation; truncation (8152, 2628),
/// overflow and conversion errors (8115, 220, 232, 245, 8114), bcp's invalid column length (4815) and SqlBulkCopy's
/// own "cannot be converted" → the application's data; anything else (deadlock, timeout, lost connection, missing
/// object) stops the run.
/// </summary>
internal static class SqlServerFailures
{
    private static readonly HashSet<int> s_constraint = [2627, 2601, 547, 515];
    private static readonly HashSet<int> s_data = [8152, 2628, 8115, 220, 232, 245, 8114, 4815, 242, 241, 517];

    public static WriteFailureKind Classify(Exception exception) => exception switch
    {
        SqlException sql when s_constraint.Contains(sql.Number) => WriteFailureKind.ConstraintViolation,
        SqlException sql when s_data.Contains(sql.Number) => WriteFailureKind.Database,
        ValueConversionException => WriteFailureKind.Database,
        InvalidOperationException { InnerException: FormatException or InvalidCastException or OverflowException or ArgumentException } => WriteFailureKind.Database,
        _ => WriteFailureKind.Fatal,
    };
}

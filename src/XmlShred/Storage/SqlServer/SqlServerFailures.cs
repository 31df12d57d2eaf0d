using Microsoft.Data.SqlClient;
using XmlShred.Values;

namespace XmlShred.Storage.SqlServer;

/// <summary>
/// Duplicate key (2627, 2601), FK/CHECK (547) and NOT NULL (515) → constraint_violation; truncation (8152, 2628),
/// overflow and conversion errors (8115, 220, 232, 245, 8114), bcp's invalid column length (4815) and SqlBulkCopy's
/// own "cannot be converted" → the application's data; SqlClient's baseline transient numbers (deadlock victim 1205,
/// lock timeout 1222, Azure throttling and failover 40501/40613/…, connection errors 233/10060/…) plus broken
/// transport (64, 121, 10053, 10054) and snapshot update conflicts (3960) → retry the batch; anything else (missing
/// object, permission, syntax) stops the run.
/// </summary>
internal static class SqlServerFailures
{
    private static readonly HashSet<int> s_constraint = [2627, 2601, 547, 515];
    private static readonly HashSet<int> s_data = [8152, 2628, 8115, 220, 232, 245, 8114, 4815, 242, 241, 517];

    /// <summary>
    /// SqlClient's own list is documented as a starting point that may change between releases; the additions are
    /// errors of a dropped connection, which the whole-batch retry makes safe to repeat.
    /// </summary>
    internal static readonly HashSet<int> TransientNumbers = [.. SqlConfigurableRetryFactory.BaselineTransientErrors, 64, 121, 10053, 10054, 3960];

    public static WriteFailureKind Classify(Exception exception) => exception switch
    {
        SqlException sql when IsTransient(sql) => WriteFailureKind.Transient,
        SqlException sql when s_constraint.Contains(sql.Number) => WriteFailureKind.ConstraintViolation,
        SqlException sql when s_data.Contains(sql.Number) => WriteFailureKind.Database,
        ValueConversionException => WriteFailureKind.Database,
        InvalidOperationException { InnerException: FormatException or InvalidCastException or OverflowException or ArgumentException } => WriteFailureKind.Database,
        _ => WriteFailureKind.Fatal,
    };

    /// <summary>Any error of the exception transient (SqlException.Number is only the first one's).</summary>
    private static bool IsTransient(SqlException exception)
    {
        foreach (SqlError error in exception.Errors)
        {
            if (TransientNumbers.Contains(error.Number)) return true;
        }
        return false;
    }
}

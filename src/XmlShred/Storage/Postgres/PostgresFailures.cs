using Npgsql;
using XmlShred.Values;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// SQLSTATE class 23 (integrity constraint: unique, FK, NOT NULL, CHECK) → constraint_violation; class 22 (data
/// exception: value too long, out of range, bad format) → the application's own data error; what Npgsql calls
/// transient (lost connection, admin shutdown 57P01, server starting 57P03, serialization failure 40001, deadlock
/// 40P01, lock not available, out of resources) → retry the batch; everything else (missing table 42P01, permission,
/// syntax) stops the run.
/// </summary>
internal static class PostgresFailures
{
    public static WriteFailureKind Classify(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => WriteFailureKind.Transient,
        PostgresException { SqlState: [ '2', '3', ..] } => WriteFailureKind.ConstraintViolation,
        PostgresException { SqlState: [ '2', '2', ..] } => WriteFailureKind.Database,
        ValueConversionException => WriteFailureKind.Database,
        _ => WriteFailureKind.Fatal,
    };
}

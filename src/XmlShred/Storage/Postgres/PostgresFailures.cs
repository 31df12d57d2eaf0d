using Npgsql;
using XmlShred.Values;

namespace XmlShred.Storage.Postgres;

/// <summary>
/// SQLSTATE class 23 (integrity constraint: unique, FK, NOT NULL, CHECK) → constraint_violation; class 22 (data
/// exception: value too long, out of range, bad format) → the application's own data error; everything else
/// (connection loss, disk full, missing table 42P01, lock timeouts, serialization failures) stops the run.
/// </summary>
internal static class PostgresFailures
{
    public static WriteFailureKind Classify(Exception exception) => exception switch
    {
        PostgresException { SqlState: [ '2', '3', ..] } => WriteFailureKind.ConstraintViolation,
        PostgresException { SqlState: [ '2', '2', ..] } => WriteFailureKind.Database,
        ValueConversionException => WriteFailureKind.Database,
        _ => WriteFailureKind.Fatal,
    };
}

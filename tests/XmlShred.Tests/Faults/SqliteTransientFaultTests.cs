using Microsoft.Data.Sqlite;
using XmlShred.Tests.Pipeline;

namespace XmlShred.Tests.Faults;

public sealed class SqliteTransientFaultTests : TransientFaultTestBase
{
    protected override PipelineDatabase CreateDatabase() => new SqlitePipelineDatabase();

    /// <summary>SQLITE_BUSY, as left after the busy timeout when another process holds the write lock.</summary>
    protected override Exception LostConnection() => new SqliteException("database is locked", 5);
}

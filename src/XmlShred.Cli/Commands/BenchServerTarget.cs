using XmlShred.Contract;
using XmlShred.Storage;

namespace XmlShred.Cli.Commands;

/// <summary>
/// <c>bench run</c> against a server database (PostgreSQL, SQL Server): the corpus is loaded once into the source
/// table, and each repeat starts from empty target tables and processing_log instead of a copied SQLite file.
/// </summary>
internal static class BenchServerTarget
{
    public static bool IsServer(string db) => TargetDatabaseFactory.DetectDialect(db) != TargetDialect.Sqlite;

    public static async Task PrepareAsync(string db, CompiledContract contract, IReadOnlyList<SourceDocument> documents, CancellationToken cancellationToken)
    {
        await using var database = TargetDatabaseFactory.Open(db);
        await database.EnsureSchemaAsync(contract, cancellationToken).ConfigureAwait(false);
        await Reset(database).ResetAsync(contract, includeSource: true, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in documents.Chunk(1000)) await database.LoadSourceAsync(contract, chunk, replace: false, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Target: {database.DisplayName}");
    }

    public static async Task ResetAsync(string db, CompiledContract contract, CancellationToken cancellationToken)
    {
        await using var database = TargetDatabaseFactory.Open(db);
        await Reset(database).ResetAsync(contract, includeSource: false, cancellationToken).ConfigureAwait(false);
    }

    private static ITargetReset Reset(ITargetDatabase database) =>
        database as ITargetReset ?? throw new UsageException($"bench run cannot reset a {database.Dialect} target between repeats");
}

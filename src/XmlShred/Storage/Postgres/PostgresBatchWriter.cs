using System.Data.Common;
using Npgsql;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>The server batch writer with binary COPY, staging through ON COMMIT DROP temp tables.</summary>
internal sealed class PostgresBatchWriter(NpgsqlDataSource dataSource, CompiledContract contract) : ServerBatchWriter(contract, PostgresDialect.Instance)
{
    private const string DefaultedColumnsSql = """
        SELECT c.relname, a.attname
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
          AND (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '')
        """;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

    protected override Task<ISet<(string Table, string Column)>> LoadDefaultedColumnsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ColumnDefaults.LoadAsync(connection, DefaultedColumnsSql, Contract.TargetSchema, comparer: null, cancellationToken);

    protected override Task BulkLoadAsync(DbConnection connection, DbTransaction transaction, string destination, TableRowGroup group, bool withOrdinal, CancellationToken cancellationToken) =>
        PostgresCopy.RowsAsync((NpgsqlConnection)connection, destination, group, withOrdinal, cancellationToken);

    protected override string StageName(int index) => Dialect.Quote("xmlshred_stage_" + index);

    protected override string CreateStageSql(string stage, string qualifiedTarget, TableRowGroup group) => PostgresMergeSql.CreateStage(stage, qualifiedTarget, group);

    protected override string MergeSql(string stage, string qualifiedTarget, TableRowGroup group) => PostgresMergeSql.Merge(stage, qualifiedTarget, group);
}

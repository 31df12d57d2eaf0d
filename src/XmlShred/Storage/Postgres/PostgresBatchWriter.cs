using System.Data.Common;
using Npgsql;
using XmlShred.Contract;

namespace XmlShred.Storage.Postgres;

/// <summary>The server batch writer with binary COPY, staging through ON COMMIT DROP temp tables.</summary>
internal sealed class PostgresBatchWriter(NpgsqlDataSource dataSource, CompiledContract contract)
    : ServerBatchWriter(contract, PostgresDialect.Instance, async ct => await dataSource.OpenConnectionAsync(ct))
{
    protected override Task BulkLoadAsync(DbConnection connection, DbTransaction transaction, string destination, TableRowGroup group, bool withOrdinal, CancellationToken cancellationToken) =>
        PostgresCopy.RowsAsync((NpgsqlConnection)connection, destination, group, withOrdinal, cancellationToken);

    protected override string StageName(int index) => Dialect.Quote("xmlshred_stage_" + index);

    protected override string CreateStageSql(string stage, string qualifiedTarget, TableRowGroup group) => PostgresMergeSql.CreateStage(stage, qualifiedTarget, group);

    protected override string MergeSql(string stage, string qualifiedTarget, TableRowGroup group) => PostgresMergeSql.Merge(stage, qualifiedTarget, group);

    protected override string LogStage => PostgresLogGateSql.Stage;

    protected override string CreateLogStageSql(string stage, string qualifiedLog) => PostgresLogGateSql.CreateStage(stage, qualifiedLog);

    protected override string ReplaceFailedSql(string stage, string qualifiedLog) => PostgresLogGateSql.ReplaceFailed(stage, qualifiedLog);

    protected override string InsertLogIfAbsentSql(string stage, string qualifiedLog) => PostgresLogGateSql.InsertIfAbsent(stage, qualifiedLog);
}

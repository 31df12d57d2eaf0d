using XmlShred.Storage;

namespace XmlShred.Tests.Pipeline;

/// <summary>
/// A throw-away target database for one test, per dialect: the pipeline talks to <see cref="Target"/>; the test
/// inspects the result with plain SQL. The PostgreSQL suite subclasses this (and the test bases) with its own.
/// </summary>
public abstract class PipelineDatabase : IAsyncDisposable
{
    /// <summary>The <c>--db</c> value for the CLI.</summary>
    public abstract string Connection { get; }

    public ITargetDatabase Target => _target ??= TargetDatabaseFactory.Open(Connection);
    private ITargetDatabase? _target;

    /// <summary>Rows of a query; values as the provider returns them (longs, strings, doubles, nulls).</summary>
    public abstract Task<List<object?[]>> QueryAsync(string sql);

    public abstract Task ExecuteAsync(string sql);

    /// <summary>Makes any insert of <paramref name="appId"/> into <paramref name="table"/> fail with a constraint-class error.</summary>
    public abstract Task InstallPoisonAsync(string table, long appId);

    public abstract Task<IReadOnlyList<string>> TableNamesAsync();

    public async Task<long> ScalarAsync(string sql) => Convert.ToInt64((await QueryAsync(sql).ConfigureAwait(false))[0][0], System.Globalization.CultureInfo.InvariantCulture);

    public virtual async ValueTask DisposeAsync()
    {
        if (_target is not null) await _target.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}

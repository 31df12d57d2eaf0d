using System.Diagnostics;
using System.Diagnostics.Metrics;
using XmlShred.Pipeline.Resilience;

namespace XmlShred.Pipeline;

public enum PipelineStage
{
    Read,
    ParseMap,
    QueueWait,
    Insert,
    Commit,
}

/// <summary>
/// The single source of truth for a run's numbers: the progress display, the summary, the JSON report and
/// <c>dotnet-counters monitor --counters XmlShred</c> all read these. Workers and the writer only bump
/// counters here (Interlocked); nothing in here blocks.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "XmlShred";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<double> _stageTime;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long[] _stageTicks = new long[Enum.GetValues<PipelineStage>().Length];
    private readonly List<double> _batchLatencyMs = [];
    private readonly List<WorkerUsage> _workers = [];
    private readonly List<QueueSample> _queueSamples = [];
    private Func<int> _workDepth = static () => 0;
    private Func<int> _insertDepth = static () => 0;
    private Func<long> _insertBytes = static () => 0;
    private ByteBudget? _memory;
    private Timer? _sampler;
    private int _sampleStride = 1;
    private int _sampleTick;
    private long _read, _succeeded, _failed, _rows, _batches, _outageTicks, _doneElsewhere, _dropped;
    private int _retries;

    public PipelineMetrics()
    {
        _batchDuration = _meter.CreateHistogram<double>("xmlshred.batch.duration", "s", "Insert + commit time of one batch transaction");
        _stageTime = _meter.CreateCounter<double>("xmlshred.stage.time", "s", "Time spent per pipeline stage (summed over threads)");
        _meter.CreateObservableCounter("xmlshred.applications.read", () => Interlocked.Read(ref _read), "{application}");
        _meter.CreateObservableCounter("xmlshred.applications.succeeded", () => Interlocked.Read(ref _succeeded), "{application}");
        _meter.CreateObservableCounter("xmlshred.applications.failed", () => Interlocked.Read(ref _failed), "{application}");
        _meter.CreateObservableCounter("xmlshred.applications.done_elsewhere", () => Interlocked.Read(ref _doneElsewhere), "{application}");
        _meter.CreateObservableCounter("xmlshred.rows.written", () => Interlocked.Read(ref _rows), "{row}");
        _meter.CreateObservableGauge("xmlshred.queue.work.depth", () => _workDepth(), "{document}");
        _meter.CreateObservableGauge("xmlshred.queue.insert.depth", () => _insertDepth(), "{application}");
        _meter.CreateObservableGauge("xmlshred.queue.insert.bytes", () => _insertBytes(), "By");
        _meter.CreateObservableCounter("xmlshred.database.retries", () => Volatile.Read(ref _retries), "{retry}", "Transient database faults retried");
        _meter.CreateObservableGauge("xmlshred.throughput", () => AppsPerSecond, "{application}/s");
        _meter.CreateObservableGauge("xmlshred.memory.budget.used", () => MemoryBudgetUsed, "By");
    }

    public TimeSpan Elapsed => _clock.Elapsed;
    public long Read => Interlocked.Read(ref _read);
    public long Succeeded => Interlocked.Read(ref _succeeded);
    public long Failed => Interlocked.Read(ref _failed);
    /// <summary>Applications this instance read but another instance logged first (nothing written for them here).</summary>
    public long DoneElsewhere => Interlocked.Read(ref _doneElsewhere);
    /// <summary>Applications dropped because their chunk's lease was taken over before they were written.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);
    public long RowsWritten => Interlocked.Read(ref _rows);
    public long Batches => Interlocked.Read(ref _batches);
    public int Retries => Volatile.Read(ref _retries);
    /// <summary>Time spent in database outages that ended (recovered or given up).</summary>
    public TimeSpan OutageTime => TimeSpan.FromTicks(Interlocked.Read(ref _outageTicks));
    public double AppsPerSecond => (Succeeded + Failed) / Math.Max(Elapsed.TotalSeconds, 1e-9);
    public int WorkDepth => _workDepth();
    public int InsertDepth => _insertDepth();
    public long InsertBytes => _insertBytes();
    /// <summary>Bytes the run's memory budget has charged right now (documents in flight plus mapped rows not yet committed).</summary>
    public long MemoryBudgetUsed => _memory?.InUse ?? 0;
    /// <summary>The most the budget ever charged at once, and its capacity (0 when the mode has none).</summary>
    public long MemoryBudgetPeak => _memory?.Peak ?? 0;
    public long MemoryBudgetCapacity => _memory?.Capacity ?? 0;

    /// <summary>Connects the queue gauges and starts sampling them every <paramref name="period"/>.</summary>
    public void AttachQueues(Func<int> workDepth, Func<int> insertDepth, Func<long> insertBytes, TimeSpan? period = null)
    {
        _workDepth = workDepth;
        _insertDepth = insertDepth;
        _insertBytes = insertBytes;
        var every = period ?? TimeSpan.FromMilliseconds(250);
        _sampler ??= new Timer(_ => Sample(), null, every, every);
    }

    /// <summary>Connects the run's memory budget (gauge <c>xmlshred.memory.budget.used</c> and the report).</summary>
    public void AttachMemoryBudget(ByteBudget memory) => _memory = memory;

    public void AddRead(int count) => Interlocked.Add(ref _read, count);

    public void AddStage(PipelineStage stage, TimeSpan time)
    {
        Interlocked.Add(ref _stageTicks[(int)stage], time.Ticks);
        _stageTime.Add(time.TotalSeconds, new KeyValuePair<string, object?>("stage", StageName(stage)));
    }

    public void AddFailed(int count) => Interlocked.Add(ref _failed, count);

    public void AddDoneElsewhere(int count) => Interlocked.Add(ref _doneElsewhere, count);

    public void AddDropped(int count) => Interlocked.Add(ref _dropped, count);

    public void RecordBatch(BatchOutcome outcome)
    {
        Interlocked.Add(ref _succeeded, outcome.Committed);
        Interlocked.Add(ref _failed, outcome.Failed.Count);
        Interlocked.Add(ref _doneElsewhere, outcome.DoneElsewhere);
        Interlocked.Add(ref _dropped, outcome.Dropped);
        Interlocked.Add(ref _rows, outcome.RowsWritten);
        Interlocked.Increment(ref _batches);
        AddStage(PipelineStage.Insert, outcome.InsertTime);
        AddStage(PipelineStage.Commit, outcome.CommitTime);
        var latency = outcome.InsertTime + outcome.CommitTime;
        _batchDuration.Record(latency.TotalSeconds);
        lock (_batchLatencyMs) _batchLatencyMs.Add(latency.TotalMilliseconds);
    }

    /// <summary>Counts a retried fault, and the length of an outage once it ends.</summary>
    public void RecordRetry(RetryEvent retry)
    {
        if (retry.Kind == RetryEventKind.Retrying) Interlocked.Increment(ref _retries);
        else Interlocked.Add(ref _outageTicks, retry.Outage.Ticks);
    }

    public void RecordWorker(int id, TimeSpan busy, TimeSpan lifetime)
    {
        lock (_workers) _workers.Add(new WorkerUsage(id, busy.TotalSeconds, lifetime.TotalSeconds));
    }

    public TimeSpan StageTime(PipelineStage stage) => TimeSpan.FromTicks(Interlocked.Read(ref _stageTicks[(int)stage]));

    public IReadOnlyList<double> BatchLatenciesMs()
    {
        lock (_batchLatencyMs) return [.. _batchLatencyMs];
    }

    public IReadOnlyList<WorkerUsage> Workers()
    {
        lock (_workers) return [.. _workers.OrderBy(w => w.Id)];
    }

    public IReadOnlyList<QueueSample> QueueSamples()
    {
        lock (_queueSamples) return [.. _queueSamples];
    }

    public static string StageName(PipelineStage stage) => stage switch
    {
        PipelineStage.Read => "read",
        PipelineStage.ParseMap => "parse_map",
        PipelineStage.QueueWait => "queue_wait",
        PipelineStage.Insert => "insert",
        PipelineStage.Commit => "commit",
        _ => stage.ToString(),
    };

    /// <summary>Keeps at most ~2,000 samples: when full, every other sample is dropped and the stride doubles.</summary>
    private void Sample()
    {
        if (Interlocked.Increment(ref _sampleTick) % _sampleStride != 0) return;
        var sample = new QueueSample(Math.Round(Elapsed.TotalSeconds, 3), _workDepth(), _insertDepth(), _insertBytes());
        lock (_queueSamples)
        {
            _queueSamples.Add(sample);
            if (_queueSamples.Count < 2000) return;
            for (var i = _queueSamples.Count - 1; i >= 0; i -= 2) _queueSamples.RemoveAt(i);
            _sampleStride *= 2;
        }
    }

    /// <summary>Stops sampling and takes one last sample.</summary>
    public void StopSampling()
    {
        _sampler?.Dispose();
        _sampler = null;
        lock (_queueSamples) _queueSamples.Add(new QueueSample(Math.Round(Elapsed.TotalSeconds, 3), _workDepth(), _insertDepth(), _insertBytes()));
    }

    public void Dispose()
    {
        _sampler?.Dispose();
        _meter.Dispose();
    }
}

public sealed record WorkerUsage(int Id, double BusySeconds, double LifetimeSeconds)
{
    public double BusyPercent => LifetimeSeconds <= 0 ? 0 : Math.Round(100 * BusySeconds / LifetimeSeconds, 1);
    public double IdlePercent => Math.Round(100 - BusyPercent, 1);
}

public sealed record QueueSample(double Seconds, int WorkQueue, int InsertQueue, long InsertQueueBytes);

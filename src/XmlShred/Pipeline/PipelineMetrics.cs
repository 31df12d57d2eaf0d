using System.Diagnostics;
using System.Diagnostics.Metrics;
using XmlShred.Pipeline.Resilience;

namespace XmlShred.Pipeline;

public enum PipelineStage
{
    Read,
    ParseMap,
    /// <summary>A worker holding a mapped application, waiting for room in the full insert queue.</summary>
    QueueWait,
    Insert,
    Commit,
    /// <summary>The writer waiting for the insert queue to hold anything (it is faster than the workers).</summary>
    WriterWait,
}

/// <summary>
/// The single source of truth for a run's numbers: the progress display, the summary, the JSON report and
/// <c>dotnet-counters monitor --counters XmlShred</c> all read these. Workers and the writer only bump
/// counters here (Interlocked); nothing in here blocks. A timer samples queue depths, progress and memory
/// a few times a second so the report can show them over time.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "XmlShred";

    /// <summary>Time series keep at most this many points: when full, every other one is dropped and sampling slows by half.</summary>
    public const int MaxSamples = 2000;

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<double> _stageTime;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long[] _stageTicks = new long[Enum.GetValues<PipelineStage>().Length];
    private readonly List<double> _batchLatencyMs = [];
    private readonly List<WorkerUsage> _workers = [];
    private readonly ThinningSeries<RunSample> _samples = new(MaxSamples);
    private readonly ThinningSeries<BatchSample> _batchSamples = new(MaxSamples);
    private Func<int> _workDepth = static () => 0;
    private Func<int> _insertDepth = static () => 0;
    private Func<long> _insertBytes = static () => 0;
    private ByteBudget? _memory;
    private Timer? _sampler;
    private long _read, _succeeded, _failed, _rows, _batches, _outageTicks, _doneElsewhere, _dropped;
    private int _retries;

    public PipelineMetrics(TimeSpan? samplePeriod = null)
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
        var every = samplePeriod ?? TimeSpan.FromMilliseconds(250);
        // Memory is sampled from the start (sequential mode has no queues to attach, but its memory still matters).
        _sampler = new Timer(_ => Sample(), null, every, every);
    }

    /// <summary>Wall-clock time the metrics (and so the run) started, UTC.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
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

    /// <summary>Connects the queue gauges (sampled with the rest of the time series).</summary>
    public void AttachQueues(Func<int> workDepth, Func<int> insertDepth, Func<long> insertBytes, TimeSpan? period = null)
    {
        _workDepth = workDepth;
        _insertDepth = insertDepth;
        _insertBytes = insertBytes;
    }

    /// <summary>Connects the run's memory budget (gauge <c>xmlshred.memory.budget.used</c> and the report).</summary>
    internal void AttachMemoryBudget(ByteBudget memory) => _memory = memory;

    public void AddRead(int count) => Interlocked.Add(ref _read, count);

    public void AddStage(PipelineStage stage, TimeSpan time)
    {
        Interlocked.Add(ref _stageTicks[(int)stage], time.Ticks);
        _stageTime.Add(time.TotalSeconds, new KeyValuePair<string, object?>("stage", StageName(stage)));
    }

    public void AddFailed(int count) => Interlocked.Add(ref _failed, count);

    public void AddDoneElsewhere(int count) => Interlocked.Add(ref _doneElsewhere, count);

    public void AddDropped(int count) => Interlocked.Add(ref _dropped, count);

    internal void RecordBatch(BatchOutcome outcome)
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
        _batchSamples.Add(new BatchSample(Math.Round(Elapsed.TotalSeconds, 3), Math.Round(latency.TotalMilliseconds, 3), outcome.Committed + outcome.Failed.Count));
    }

    /// <summary>Counts a retried fault, and the length of an outage once it ends.</summary>
    internal void RecordRetry(RetryEvent retry)
    {
        if (retry.Kind == RetryEventKind.Retrying) Interlocked.Increment(ref _retries);
        else Interlocked.Add(ref _outageTicks, retry.Outage.Ticks);
    }

    public void RecordWorker(int id, TimeSpan busy, TimeSpan lifetime) => RecordWorker(id, busy, TimeSpan.Zero, lifetime);

    /// <param name="queueWait">Time this worker held a mapped application while the insert queue was full.</param>
    public void RecordWorker(int id, TimeSpan busy, TimeSpan queueWait, TimeSpan lifetime)
    {
        lock (_workers) _workers.Add(new WorkerUsage(id, busy.TotalSeconds, lifetime.TotalSeconds) { QueueWaitSeconds = Math.Round(queueWait.TotalSeconds, 3) });
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

    /// <summary>Queue depths, progress and memory over time (oldest first, evenly thinned on long runs).</summary>
    public IReadOnlyList<RunSample> Samples() => _samples.Snapshot();

    /// <summary>Every batch's end time, latency and size (evenly thinned on long runs).</summary>
    public IReadOnlyList<BatchSample> BatchSamples() => _batchSamples.Snapshot();

    public static string StageName(PipelineStage stage) => stage switch
    {
        PipelineStage.Read => "read",
        PipelineStage.ParseMap => "parse_map",
        PipelineStage.QueueWait => "queue_wait",
        PipelineStage.Insert => "insert",
        PipelineStage.Commit => "commit",
        PipelineStage.WriterWait => "writer_wait",
        _ => stage.ToString(),
    };

    private void Sample() => _samples.Add(new RunSample(
        Math.Round(Elapsed.TotalSeconds, 3), _workDepth(), _insertDepth(), _insertBytes(), Succeeded + Failed,
        Environment.WorkingSet, GC.GetTotalMemory(forceFullCollection: false)));

    /// <summary>Stops sampling and takes one last sample.</summary>
    public void StopSampling()
    {
        _sampler?.Dispose();
        _sampler = null;
        Sample();
    }

    public void Dispose()
    {
        _sampler?.Dispose();
        _meter.Dispose();
    }
}

public sealed record WorkerUsage(int Id, double BusySeconds, double LifetimeSeconds)
{
    /// <summary>Time spent holding a mapped application while the insert queue was full (backpressure).</summary>
    public double QueueWaitSeconds { get; init; }
    public double BusyPercent => LifetimeSeconds <= 0 ? 0 : Math.Round(100 * BusySeconds / LifetimeSeconds, 1);
    public double QueueWaitPercent => LifetimeSeconds <= 0 ? 0 : Math.Round(100 * QueueWaitSeconds / LifetimeSeconds, 1);
    /// <summary>Neither mapping nor blocked on the insert queue: waiting for a document to map.</summary>
    public double IdlePercent => Math.Round(Math.Max(0, 100 - BusyPercent - QueueWaitPercent), 1);
}

/// <summary>One point of the run's time series.</summary>
/// <param name="Seconds">Since the metrics were created (the run's start).</param>
/// <param name="Processed">Applications finished so far (succeeded + failed): its slope is the throughput.</param>
/// <param name="WorkingSetBytes">Resident set size of the process.</param>
/// <param name="GcHeapBytes">Managed heap in use (without forcing a collection).</param>
public sealed record RunSample(double Seconds, int WorkQueue, int InsertQueue, long InsertQueueBytes, long Processed, long WorkingSetBytes, long GcHeapBytes);

/// <summary>One committed batch: when it ended, its insert + commit latency, and its applications.</summary>
public sealed record BatchSample(double Seconds, double LatencyMs, int Applications);

namespace XmlShred.Benchmarking.Tuning;

/// <summary>The settings a sweep tries: every combination of queue size, batch size and worker count.</summary>
public sealed record TuneGrid(IReadOnlyList<int> QueueSizes, IReadOnlyList<int> BatchSizes, IReadOnlyList<int> Workers)
{
    public int Count => QueueSizes.Count * BatchSizes.Count * Workers.Count;

    /// <summary>Workers outermost: a budget that runs out still leaves whole heat maps for the worker counts it reached.</summary>
    public IEnumerable<TuneSettings> Points() =>
        from w in Workers
        from q in QueueSizes
        from b in BatchSizes
        select new TuneSettings(q, b, w);

    /// <exception cref="ArgumentException">An empty list or a value below 1.</exception>
    public void Validate()
    {
        foreach (var (name, values) in new[] { ("--queue-sizes", QueueSizes), ("--batch-sizes", BatchSizes), ("--workers", Workers) })
        {
            if (values.Count == 0) throw new ArgumentException($"{name} needs at least one value");
            if (values.Any(v => v < 1)) throw new ArgumentException($"{name} values must be at least 1 (got {string.Join(',', values)})");
        }
    }
}

/// <summary>One grid point.</summary>
public sealed record TuneSettings(int QueueSize, int BatchSize, int Workers)
{
    public override string ToString() => $"queue {QueueSize}, batch {BatchSize}, {Workers} worker{(Workers == 1 ? "" : "s")}";
}

namespace XmlShred.Benchmarking.Tuning;

/// <summary>The settings a sweep tries: every combination of queue size, batch size and worker count.</summary>
public sealed record TuneGrid(IReadOnlyList<int> QueueSizes, IReadOnlyList<int> BatchSizes, IReadOnlyList<int> Workers)
{
    public int Count => QueueSizes.Count * BatchSizes.Count * Workers.Count;

    /// <summary>
    /// Workers outermost: a budget that runs out still leaves whole heat maps for the worker counts it reached.
    /// Within one worker count the queue × batch cells run in a shuffled (but fixed) order, so a change in the
    /// machine's load during the sweep shows up as scatter across the heat map rather than as a false trend along
    /// one knob.
    /// </summary>
    public IEnumerable<TuneSettings> Points()
    {
        foreach (var w in Workers)
        {
            var cells = (from q in QueueSizes from b in BatchSizes select new TuneSettings(q, b, w)).ToArray();
            new Random(ShuffleSeed).Shuffle(cells);
            foreach (var cell in cells) yield return cell;
        }
    }

    private const int ShuffleSeed = 20261129;

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

using XmlShred.Storage;

namespace XmlShred.Pipeline;

/// <summary>Failed applications of a run: counts per stage and the first few examples (memory stays flat on long runs).</summary>
internal sealed class FailureTally
{
    public const int MaxExamples = 20;
    private readonly Dictionary<string, long> _byStage = new(StringComparer.Ordinal);
    private readonly List<ProcessingLogEntry> _examples = [];

    public void AddRange(IEnumerable<ProcessingLogEntry> entries)
    {
        lock (_byStage)
        {
            foreach (var entry in entries)
            {
                var stage = entry.Stage ?? "unknown";
                _byStage[stage] = _byStage.GetValueOrDefault(stage) + 1;
                if (_examples.Count < MaxExamples) _examples.Add(entry);
            }
        }
    }

    public IReadOnlyDictionary<string, long> ByStage
    {
        get { lock (_byStage) return new SortedDictionary<string, long>(_byStage, StringComparer.Ordinal); }
    }

    public IReadOnlyList<ProcessingLogEntry> Examples
    {
        get { lock (_byStage) return [.. _examples]; }
    }
}

using System.Text.Json;
using XmlShred.Benchmarking.Runs;
using XmlShred.Pipeline;

namespace XmlShred.Benchmarking.Tuning;

/// <summary>tune.json: what was swept, on what, and every measured point.</summary>
public sealed record TuneResult
{
    public required MachineInfo Machine { get; init; }
    /// <summary>Load average when the sweep started and when it ended: a busy machine depresses every point.</summary>
    public required string? LoadAverageAtStart { get; init; }
    public required string? LoadAverageAtEnd { get; init; }
    public required TuneRunSettings Settings { get; init; }
    public required IReadOnlyList<TunePoint> Points { get; init; }
    /// <summary>Grid points not run because the budget ran out.</summary>
    public required IReadOnlyList<TuneSettings> Skipped { get; init; }
    public required TuneRecommendation Recommendation { get; init; }

    public void WriteTo(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, RunReport.Json));

    /// <summary>The same measurements read again by the current rules (a report of an old sweep, no re-run).</summary>
    public TuneResult Reanalysed() => this with { Recommendation = TuneAnalysis.Recommend(Points, Settings.MemoryCapMb, Machine.Cores) };

    /// <summary>Whether a JSON file is a sweep (it has points and a recommendation) rather than a run report.</summary>
    public static bool IsTuneFile(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.EnumerateObject().Any(p => p.NameEquals("points"))
            && document.RootElement.EnumerateObject().Any(p => p.NameEquals("recommendation"));
    }

    public static TuneResult ReadFrom(string path) => JsonSerializer.Deserialize<TuneResult>(File.ReadAllText(path), RunReport.Json)
        ?? throw new InvalidDataException($"{path} holds no tune result");
}

/// <summary>How the sweep was run.</summary>
public sealed record TuneRunSettings
{
    public required string Target { get; init; }
    public required string TargetKind { get; init; }
    public required string Contract { get; init; }
    public required string Corpus { get; init; }
    public required int Applications { get; init; }
    public required double CorpusMegabytes { get; init; }
    public required IReadOnlyList<int> QueueSizes { get; init; }
    public required IReadOnlyList<int> BatchSizes { get; init; }
    public required IReadOnlyList<int> Workers { get; init; }
    public required int Repeats { get; init; }
    public required double? BudgetSeconds { get; init; }
    public required double MemoryCapMb { get; init; }
    public required double SweepSeconds { get; init; }
}

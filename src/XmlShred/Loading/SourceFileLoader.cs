using System.Globalization;
using XmlShred.Contract;
using XmlShred.Storage;
using XmlShred.Xml;

namespace XmlShred.Loading;

/// <summary>A file the loader did not load, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>Running totals of a load, reported after each batch.</summary>
public sealed record LoadProgress(int FilesSeen, int FilesTotal, int Inserted, int Replaced, int SkippedExisting, IReadOnlyList<SkippedFile> Rejected);

/// <summary>
/// The <c>load</c> command's engine: XML files → the contract's source table, in batches (one transaction each),
/// app_id from <c>Request/@ID</c>. Files without a usable id are reported and skipped; existing app_ids are kept
/// unless replacing. Two files with the same id: the first wins (the second is reported).
/// Every file is decoded by the XML rules (<see cref="XmlFileDecoder"/>) and read once under the document limits, so
/// what reaches the source table is well-formed text every target stores faithfully; any other file is refused
/// alone, with its reason, and the rest are loaded.
/// </summary>
public sealed class SourceFileLoader
{
    private readonly ITargetDatabase _database;
    private readonly CompiledContract _contract;

    private readonly XmlLimits _limits;
    private readonly ReadPlan _plan;

    public SourceFileLoader(ITargetDatabase database, CompiledContract contract, XmlLimits? limits = null)
    {
        _database = database;
        _contract = contract;
        _limits = limits ?? XmlLimits.Default;
        _plan = new ReadPlan([], [], [], rootElement: contract.RootElement);
    }

    /// <summary>Expands folders (all *.xml below them, sorted) and keeps files as given.</summary>
    public static IReadOnlyList<string> ExpandInputs(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(input)) files.Add(input);
            else throw new FileNotFoundException($"'{input}' is neither a file nor a folder", input);
        }
        return files;
    }

    public async Task<LoadProgress> LoadAsync(IReadOnlyList<string> files, bool replace, int batchSize, Action<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var rejected = new List<SkippedFile>();
        var seen = new HashSet<long>();
        int inserted = 0, replaced = 0, existing = 0, done = 0;
        var batch = new List<SourceDocument>(batchSize);

        async Task Flush()
        {
            if (batch.Count == 0) return;
            var result = await _database.LoadSourceAsync(_contract, batch, replace, cancellationToken).ConfigureAwait(false);
            inserted += result.Inserted;
            replaced += result.Replaced;
            existing += result.Skipped;
            batch.Clear();
            progress?.Invoke(new LoadProgress(done, files.Count, inserted, replaced, existing, rejected));
        }

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            done++;
            var (xml, problem) = await XmlFileDecoder.ReadFileAsync(file, _limits.MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
            var appId = xml is null ? null : Check(xml, out problem);
            if (appId is null)
            {
                rejected.Add(new SkippedFile(file, problem!));
                continue;
            }
            if (!seen.Add(appId.Value))
            {
                rejected.Add(new SkippedFile(file, $"app_id {appId} appears in an earlier file of this load"));
                continue;
            }
            batch.Add(new SourceDocument(appId.Value, xml!));
            if (batch.Count >= batchSize) await Flush().ConfigureAwait(false);
        }
        await Flush().ConfigureAwait(false);
        return new LoadProgress(done, files.Count, inserted, replaced, existing, rejected);
    }

    /// <summary>One full read under the limits (well-formed, only valid XML characters, the contract's root); the app id or the problem.</summary>
    private long? Check(string xml, out string? problem)
    {
        var document = XmlDocumentReader.TryRead(xml, _limits, _plan, out var error);
        if (document is null)
        {
            problem = error!.Message;
            return null;
        }
        var request = document.Root.Children.FirstOrDefault(c => c.Name == "Request"); // the first, as the mapper reads it
        var raw = request?.GetExact("ID");
        if (string.IsNullOrWhiteSpace(raw))
        {
            problem = request is null ? "no Request element" : "the Request element has no ID attribute";
            return null;
        }
        if (!long.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            problem = $"Request/@ID '{raw}' is not a positive integer";
            return null;
        }
        problem = null;
        return id;
    }
}

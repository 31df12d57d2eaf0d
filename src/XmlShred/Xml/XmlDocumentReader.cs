using System.Diagnostics;
using System.Globalization;
using System.Xml;

namespace XmlShred.Xml;

/// <summary>Why a document could not be read: the processing_log stage, a message naming the rule or limit, and the app id when it was read first.</summary>
internal sealed record XmlReadError(string Stage, string Message, long? AppId = null);

/// <summary>
/// Reads a document in one <see cref="XmlReader"/> pass into an <see cref="XmlDocumentModel"/>.
/// DTDs are prohibited and nothing is resolved (XML-2); malformed input is an error value, never an exception.
/// The structure (one root element, the contract's) is checked by the parser, and every <see cref="XmlLimits"/> is
/// enforced while reading, so memory and time stay linear in the document's size, depth and attribute count.
/// </summary>
internal static class XmlDocumentReader
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = true,
        CloseInput = true,
        MaxCharactersFromEntities = 1024,
    };

    private const string StructureProblem = "Invalid XML structure or format: ";

    /// <summary>How often (in elements) the time budget is looked at: often enough to stop within milliseconds, rarely enough to cost nothing.</summary>
    private const int ClockCheckInterval = 1024;

    public static XmlDocumentModel? TryRead(string text, long maxDocumentBytes, out XmlReadError? error) =>
        TryRead(text, new XmlLimits { MaxDocumentBytes = maxDocumentBytes }, ReadPlan.Everything, out error);

    public static XmlDocumentModel? TryRead(string text, long maxDocumentBytes, ReadPlan plan, out XmlReadError? error) =>
        TryRead(text, new XmlLimits { MaxDocumentBytes = maxDocumentBytes }, plan, out error);

    public static XmlDocumentModel? TryRead(string text, XmlLimits limits, ReadPlan plan, out XmlReadError? error)
    {
        // Two bytes per char is an upper bound of the UTF-8 size; cheap and safe for the limit check.
        if ((long)text.Length * 2 > limits.MaxDocumentBytes && System.Text.Encoding.UTF8.GetByteCount(text) > limits.MaxDocumentBytes)
        {
            error = new XmlReadError("validation", $"document is larger than the limit of {limits.MaxDocumentBytes:N0} bytes (XmlLimits.MaxDocumentBytes)");
            return null;
        }
        var (start, length) = XmlCleaner.Clean(text);
        if (length == 0)
        {
            error = new XmlReadError("validation", StructureProblem + "the document is empty");
            return null;
        }
        var state = new ReadState(limits, plan);
        try
        {
            error = null;
            return Parse(new StringSegmentReader(text, start, length), state);
        }
        catch (XmlLimitException ex)
        {
            error = new XmlReadError("validation", ex.Message, state.AppId);
            return null;
        }
        catch (XmlException ex)
        {
            error = new XmlReadError(state.RootSeen ? "parsing" : "validation", Describe(ex, state), state.AppId);
            return null;
        }
    }

    private static string Describe(XmlException ex, ReadState state)
    {
        if (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
            return $"XML parsing failed: DOCTYPE declarations are refused (DTDs are never processed): {ex.Message}";
        if (!state.RootSeen) return StructureProblem + ex.Message;
        if (ex.Message.StartsWith("Unexpected end of file", StringComparison.Ordinal))
            return StructureProblem + "the document ends before its root element is closed (truncated?): " + ex.Message;
        return "XML parsing failed: " + ex.Message;
    }

    /// <summary>What one read has seen so far, so a failure can still name the application and the limit.</summary>
    private sealed class ReadState(XmlLimits limits, ReadPlan plan)
    {
        public XmlLimits Limits { get; } = limits;
        public ReadPlan Plan { get; } = plan;
        public long Started { get; } = Stopwatch.GetTimestamp();
        public bool RootSeen { get; set; }
        public long? AppId { get; set; }
        public int Elements { get; set; }

        public string Naming => AppId is { } id ? $"app_id {id.ToString(CultureInfo.InvariantCulture)}: " : "";
    }

    private static XmlDocumentModel Parse(TextReader xml, ReadState state)
    {
        var plan = state.Plan;
        var limits = state.Limits;
        var cache = ReaderCache.For(plan, s_settings);
        using var reader = XmlReader.Create(xml, cache.Settings);
        var elements = new List<XmlNode>(128);
        var names = new List<string>(16);
        var values = new List<string>(16);
        var stamp = ++cache.DocumentStamp;
        var visited = new List<PathTrie>(64);
        XmlNode? root = null;
        // Per open element: its path, its node if kept, and whether it sits inside a kept subtree.
        var stack = new Stack<(PathTrie Path, XmlNode? Node, bool InSubtree)>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                stack.Pop();
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element) continue;
            var name = reader.LocalName;
            CheckElement(reader, state, stack.Count + 1);
            PathTrie path;
            XmlNode? parentNode = null;
            var inSubtree = false;
            if (stack.Count == 0)
            {
                if (plan.RootElement is { } expected && name != expected)
                    throw new XmlLimitException($"{StructureProblem}the root element is <{reader.Name}>; the contract expects <{expected}>");
                state.RootSeen = true;
                if (!cache.Roots.TryGetValue(name, out path!))
                {
                    path = new PathTrie(name, null);
                    cache.Roots[name] = path;
                }
            }
            else
            {
                var parent = stack.Peek();
                path = parent.Path.Child(name, ref cache.PathCount);
                parentNode = parent.Node;
                inSubtree = parent.InSubtree;
                if (stack.Count == 1 && state.AppId is null && name == "Request") state.AppId = ReadAppId(reader);
            }
            var flags = cache.FlagsOf(name);
            inSubtree |= (flags & ReaderCache.ElementFlags.Subtree) != 0;
            if (!path.NeededChecked)
            {
                path.Needed = plan.KeepEverything || path.Depth <= ReadPlan.AlwaysKeptDepth || (LeadsToNeeded(path, plan) && plan.IsNeededPath(path.Path));
                path.NeededChecked = true;
            }
            XmlNode? node = null;
            if (path.Needed || inSubtree || HasNeededAttribute(reader, cache, name, flags))
            {
                node = new XmlNode(name, parentNode, path, ReadAttributes(reader, names, values, state));
                parentNode?.AddChild(node);
                root ??= node;
                elements.Add(node);
            }
            if (path.Visit(stamp, visited.Count, node)) visited.Add(path);
            if (!reader.IsEmptyElement) stack.Push((path, node, inSubtree));
        }
        if (root is null) throw new XmlException("the document has no root element");
        var pathMap = new Dictionary<string, XmlNode>(StringComparer.Ordinal);
        var pathOrder = new List<string>();
        var lastElements = new List<XmlNode>(visited.Count);
        foreach (var trie in visited) // already in order of first occurrence
        {
            if (trie.Last is null) continue;
            lastElements.Add(trie.Last);
            // Only paths a lookup can ask for get their string: making one for every deep path would cost depth².
            if (!trie.Needed) continue;
            pathMap[trie.Path] = trie.Last;
            pathOrder.Add(trie.Path);
        }
        return new XmlDocumentModel(root, elements, pathMap, pathOrder, lastElements);
    }

    /// <summary>Depth, element count, attribute count and time, checked as each element opens.</summary>
    private static void CheckElement(XmlReader reader, ReadState state, int depth)
    {
        var limits = state.Limits;
        if (depth > limits.MaxDepth)
            throw new XmlLimitException($"{state.Naming}document nests elements deeper than the limit of {limits.MaxDepth:N0} levels (XmlLimits.MaxDepth) at <{reader.Name}>");
        var count = ++state.Elements;
        if (count > limits.MaxElements)
            throw new XmlLimitException($"{state.Naming}document has more than the limit of {limits.MaxElements:N0} elements (XmlLimits.MaxElements)");
        if (reader.AttributeCount > limits.MaxAttributes)
            throw new XmlLimitException($"{state.Naming}element <{reader.Name}> has {reader.AttributeCount:N0} attributes, more than the limit of {limits.MaxAttributes:N0} (XmlLimits.MaxAttributes)");
        if (count % ClockCheckInterval == 0) CheckClock(state);
    }

    private static void CheckClock(ReadState state)
    {
        if (Stopwatch.GetElapsedTime(state.Started) > state.Limits.TimeBudget)
            throw new XmlLimitException($"{state.Naming}reading the document took longer than the limit of {state.Limits.TimeBudget.TotalSeconds:0.###} s (XmlLimits.TimeBudget)");
    }

    /// <summary>Request/@ID as a number, only so that a document failing later can be named; the mapper validates it properly.</summary>
    private static long? ReadAppId(XmlReader reader) =>
        long.TryParse(reader.GetAttribute("ID")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>Whether a needed path begins with this one; decided once per trie from its parent, so most deep paths never build their string.</summary>
    private static bool LeadsToNeeded(PathTrie path, ReadPlan plan)
    {
        if (path.LeadsToNeeded is { } known) return known;
        var leads = (path.Parent is null || LeadsToNeeded(path.Parent, plan)) && plan.IsNeededPathOrPrefix(path.Path);
        path.LeadsToNeeded = leads;
        return leads;
    }

    /// <summary>Looks at attribute names only (no values read): does an expression of the contract read one of them?</summary>
    private static bool HasNeededAttribute(XmlReader reader, ReaderCache cache, string element, ReaderCache.ElementFlags flags)
    {
        if (!reader.HasAttributes) return false;
        var needed = false;
        var dotted = (flags & ReaderCache.ElementFlags.DottedPrefix) != 0;
        while (!needed && reader.MoveToNextAttribute())
        {
            var attribute = reader.LocalName;
            needed = cache.IsNeededBareAttribute(attribute) || (dotted && cache.Plan.IsNeededAttribute(element, attribute));
        }
        reader.MoveToElement();
        return needed;
    }

    private static XmlAttributeList ReadAttributes(XmlReader reader, List<string> names, List<string> values, ReadState state)
    {
        if (!reader.HasAttributes) return XmlAttributeList.Empty;
        names.Clear();
        values.Clear();
        while (reader.MoveToNextAttribute())
        {
            if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")) continue;
            var value = reader.Value;
            if (value.Length > state.Limits.MaxAttributeLength)
                throw new XmlLimitException($"{state.Naming}attribute {reader.Name} is {value.Length:N0} characters long, more than the limit of {state.Limits.MaxAttributeLength:N0} (XmlLimits.MaxAttributeLength)");
            names.Add(reader.LocalName);
            values.Add(value.Trim());
        }
        reader.MoveToElement();
        return names.Count == 0 ? XmlAttributeList.Empty : new XmlAttributeList([.. names], [.. values]);
    }
}

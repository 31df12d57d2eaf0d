using System.Xml;

namespace XmlShred.Xml;

/// <summary>Why a document could not be read: the processing_log stage and a message naming the rule.</summary>
public sealed record XmlReadError(string Stage, string Message);

/// <summary>
/// Reads a document in one <see cref="XmlReader"/> pass into an <see cref="XmlDocumentModel"/>.
/// DTDs are prohibited and nothing is resolved (XML-2); malformed input is an error value, never an exception.
/// </summary>
public static class XmlDocumentReader
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

    public static XmlDocumentModel? TryRead(string text, long maxDocumentBytes, out XmlReadError? error) =>
        TryRead(text, maxDocumentBytes, ReadPlan.Everything, out error);

    public static XmlDocumentModel? TryRead(string text, long maxDocumentBytes, ReadPlan plan, out XmlReadError? error)
    {
        // Two bytes per char is an upper bound of the UTF-8 size; cheap and safe for the limit check.
        if ((long)text.Length * 2 > maxDocumentBytes && System.Text.Encoding.UTF8.GetByteCount(text) > maxDocumentBytes)
        {
            error = new XmlReadError("validation", $"document is larger than the limit of {maxDocumentBytes:N0} bytes (--max-document-bytes)");
            return null;
        }
        var (start, length) = XmlCleaner.Clean(text);
        if (XmlCleaner.CheckStructure(text.AsSpan(start, length)) is { } structureProblem)
        {
            error = new XmlReadError("validation", $"Invalid XML structure or format: {structureProblem}");
            return null;
        }
        try
        {
            error = null;
            return Parse(new StringSegmentReader(text, start, length), plan);
        }
        catch (XmlException ex)
        {
            var reason = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? $"DOCTYPE declarations are refused (DTDs are never processed): {ex.Message}"
                : ex.Message;
            error = new XmlReadError("parsing", $"XML parsing failed: {reason}");
            return null;
        }
    }

    private static XmlDocumentModel Parse(TextReader xml, ReadPlan plan)
    {
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
            PathTrie path;
            XmlNode? parentNode = null;
            var inSubtree = false;
            if (stack.Count == 0)
            {
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
            }
            var flags = cache.FlagsOf(name);
            inSubtree |= (flags & ReaderCache.ElementFlags.Subtree) != 0;
            if (!path.NeededChecked)
            {
                path.Needed = plan.KeepEverything || path.Depth <= ReadPlan.AlwaysKeptDepth || plan.IsNeededPath(path.Path);
                path.NeededChecked = true;
            }
            XmlNode? node = null;
            if (path.Needed || inSubtree || HasNeededAttribute(reader, cache, name, flags))
            {
                node = new XmlNode(name, parentNode, path.Path, ReadAttributes(reader, names, values));
                parentNode?.AddChild(node);
                root ??= node;
                elements.Add(node);
            }
            if (path.Visit(stamp, visited.Count, node)) visited.Add(path);
            if (!reader.IsEmptyElement) stack.Push((path, node, inSubtree));
        }
        if (root is null) throw new XmlException("the document has no root element");
        var pathMap = new Dictionary<string, XmlNode>(visited.Count, StringComparer.Ordinal);
        var pathOrder = new List<string>(visited.Count);
        foreach (var trie in visited) // already in order of first occurrence
        {
            if (trie.Last is null) continue;
            pathMap[trie.Path] = trie.Last;
            pathOrder.Add(trie.Path);
        }
        return new XmlDocumentModel(root, elements, pathMap, pathOrder);
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

    private static XmlAttributeList ReadAttributes(XmlReader reader, List<string> names, List<string> values)
    {
        if (!reader.HasAttributes) return XmlAttributeList.Empty;
        names.Clear();
        values.Clear();
        while (reader.MoveToNextAttribute())
        {
            if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")) continue;
            names.Add(reader.LocalName);
            values.Add(reader.Value.Trim());
        }
        reader.MoveToElement();
        return names.Count == 0 ? XmlAttributeList.Empty : new XmlAttributeList([.. names], [.. values]);
    }
}

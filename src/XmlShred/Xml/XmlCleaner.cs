namespace XmlShred.Xml;

/// <summary>Pre-parse cleaning and the structural acceptance checks of §10 E1.</summary>
public static class XmlCleaner
{
    /// <summary>Removes a leading BOM (or its mis-decoded forms), leading control characters and surrounding white space.</summary>
    public static string Clean(string text)
    {
        var span = text.AsSpan();
        if (span.StartsWith("\uFEFF")) span = span[1..];
        else if (span.StartsWith("\u00FF\u00FE") || span.StartsWith("\u00FE\u00FF")) span = span[2..];
        else if (span.StartsWith("\u00EF\u00BB\u00BF")) span = span[3..];
        var start = 0;
        while (start < span.Length && span[start] < ' ' && span[start] is not ('\t' or '\r' or '\n')) start++;
        span = span[start..].Trim();
        // Line endings need no rewrite: XmlReader normalizes CRLF and CR to LF itself.
        return span.Length == text.Length ? text : span.ToString();
    }

    /// <summary>E1: the problem with the document's outline, or null when it may be parsed.</summary>
    public static string? CheckStructure(string cleaned)
    {
        if (cleaned.Length == 0) return "the document is empty";
        if (cleaned[0] != '<') return "it does not start with '<'";
        if (cleaned[^1] != '>') return "it does not end with '>'";
        var head = cleaned.AsSpan(0, Math.Min(cleaned.Length, 100 + "<provenir".Length));
        var open = head.IndexOf("<provenir", StringComparison.OrdinalIgnoreCase);
        if (open < 0 || open >= 100) return "no <Provenir> root element within the first 100 characters";
        // The closing tag is normally at the very end: look there first, then everywhere.
        var tail = cleaned.AsSpan(Math.Max(0, cleaned.Length - 256));
        if (!tail.Contains("</provenir>", StringComparison.OrdinalIgnoreCase) && !cleaned.AsSpan().Contains("</provenir>", StringComparison.OrdinalIgnoreCase))
            return "no closing </Provenir> tag";
        return null;
    }
}

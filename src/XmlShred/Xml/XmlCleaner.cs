namespace XmlShred.Xml;

/// <summary>Pre-parse cleaning (XML-1) and the structural acceptance checks of REJECT-1.</summary>
internal static class XmlCleaner
{
    /// <summary>
    /// The part of <paramref name="text"/> left after removing a leading BOM (or its mis-decoded forms), leading
    /// control characters and surrounding white space, as (start, length): the document is never copied.
    /// </summary>
    public static (int Start, int Length) Clean(string text)
    {
        var start = 0;
        if (text.StartsWith('\uFEFF')) start = 1;
        else if (text.StartsWith("\u00FF\u00FE", StringComparison.Ordinal) || text.StartsWith("\u00FE\u00FF", StringComparison.Ordinal)) start = 2;
        else if (text.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal)) start = 3;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || (text[start] < ' ' && text[start] is not ('\t' or '\r' or '\n')))) start++;
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        // Line endings need no rewrite: XmlReader normalizes CRLF and CR to LF itself.
        return (start, end - start);
    }

    /// <summary>REJECT-1: the problem with the document's outline, or null when it may be parsed.</summary>
    public static string? CheckStructure(ReadOnlySpan<char> cleaned)
    {
        if (cleaned.Length == 0) return "the document is empty";
        if (cleaned[0] != '<') return "it does not start with '<'";
        if (cleaned[^1] != '>') return "it does not end with '>'";
        var head = cleaned[..Math.Min(cleaned.Length, 100 + "<provenir".Length)];
        var open = head.IndexOf("<provenir", StringComparison.OrdinalIgnoreCase);
        if (open < 0 || open >= 100) return "no <Provenir> root element within the first 100 characters";
        // The closing tag is normally at the very end: look there first, then everywhere.
        var tail = cleaned[Math.Max(0, cleaned.Length - 256)..];
        if (!tail.Contains("</provenir>", StringComparison.OrdinalIgnoreCase) && !cleaned.Contains("</provenir>", StringComparison.OrdinalIgnoreCase))
            return "no closing </Provenir> tag";
        return null;
    }
}

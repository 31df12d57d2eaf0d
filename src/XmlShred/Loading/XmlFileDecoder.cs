using System.Text;
using System.Xml;

namespace XmlShred.Loading;

/// <summary>
/// Turns the bytes of an XML file into text by the XML rules: the byte-order mark, else the encoding of the XML
/// declaration, else UTF-8, as <see cref="XmlTextReader"/> detects them. Bytes that are not valid in that encoding
/// are a reason to refuse the document; they are never replaced by U+FFFD.
/// </summary>
public static class XmlFileDecoder
{
    static XmlFileDecoder()
    {
        // windows-1252 and the other legacy code pages are common in exported files and not built into .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The decoded text, or null with the reason it cannot be decoded.</summary>
    public static (string? Text, string? Problem) Decode(byte[] bytes)
    {
        if (bytes.Length == 0) return ("", null);
        Encoding? detected;
        using (var reader = new XmlTextReader(new MemoryStream(bytes, writable: false)) { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null })
        {
            try
            {
                reader.Read(); // the BOM and the XML declaration are read here
                detected = reader.Encoding;
            }
            catch (XmlException ex) when (ex.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"XML decoding failed: {ex.Message}");
            }
            catch (XmlException)
            {
                // Not XML at the very start: decode as UTF-8 (the XML default) and let the parser name the problem.
                detected = reader.Encoding;
            }
        }
        var encoding = (Encoding)(detected ?? Encoding.UTF8).Clone();
        encoding.DecoderFallback = DecoderFallback.ExceptionFallback;
        var preamble = encoding.GetPreamble();
        var skip = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        try
        {
            return (encoding.GetString(bytes, skip, bytes.Length - skip), null);
        }
        catch (DecoderFallbackException ex)
        {
            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? string.Join(" ", unknown.Select(b => $"0x{b:X2}")) : "bytes";
            var at = ex.Index >= 0 ? $" near byte {ex.Index + skip:N0}" : "";
            return (null, $"XML decoding failed: {bad}{at} are not valid {encoding.WebName} (the encoding of the BOM or XML declaration, UTF-8 by default)");
        }
    }

    /// <summary>Reads and decodes a file, refusing it unread when it is larger than <paramref name="maxBytes"/>.</summary>
    public static (string? Text, string? Problem) ReadFile(string path, long maxBytes)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes) return (null, TooLarge(length, maxBytes));
        return Decode(File.ReadAllBytes(path));
    }

    private static string TooLarge(long length, long maxBytes) =>
        $"document is larger than the limit of {maxBytes:N0} bytes (XmlLimits.MaxDocumentBytes): {length:N0} bytes";

    /// <inheritdoc cref="ReadFile"/>
    public static async Task<(string? Text, string? Problem)> ReadFileAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes) return (null, TooLarge(length, maxBytes));
        return Decode(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
    }
}

using System.Text;

namespace XmlShred.Expressions.Semantics;

/// <summary>
/// Lengths and positions in Unicode code points, as VALUE-7 counts them, so a surrogate pair is one
/// character and is never split. Strings without surrogates (nearly all) take the plain UTF-16 path.
/// </summary>
internal static class TextLength
{
    public static int Count(ReadOnlySpan<char> text) =>
        HasSurrogates(text) ? CountRunes(text) : text.Length;

    /// <summary>Code points [start, start + length) with a 0-based start; out-of-range parts are simply absent.</summary>
    public static string Slice(string text, int start, int length)
    {
        if (length <= 0 || start >= text.Length) return string.Empty;
        if (!HasSurrogates(text))
        {
            var end = (int)Math.Min((long)start + length, text.Length);
            return text[start..end];
        }

        var from = CharIndexOf(text, start);
        var to = CharIndexOf(text, (int)Math.Min((long)start + length, int.MaxValue));
        return text[from..to];
    }

    private static bool HasSurrogates(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static int CountRunes(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    // The UTF-16 index where code point number `codePoints` starts (or the text length).
    private static int CharIndexOf(string text, int codePoints)
    {
        var index = 0;
        for (var i = 0; i < codePoints && index < text.Length; i++)
        {
            index += Rune.DecodeFromUtf16(text.AsSpan(index), out _, out var consumed) == System.Buffers.OperationStatus.Done ? consumed : 1;
        }
        return index;
    }
}

namespace XmlShred.Mapping;

/// <summary><c>extract_numeric</c> TOKEN-6: the first numeric token in a text, e.g. <c>"approx -1,234.5 USD"</c> → -1234.5.</summary>
internal static class NumericToken
{
    public static decimal? Extract(string text)
    {
        for (var start = 0; start < text.Length; start++)
        {
            var digitAt = text[start] == '-' ? start + 1 : start;
            if (digitAt >= text.Length || !char.IsAsciiDigit(text[digitAt])) continue;
            var buffer = new System.Text.StringBuilder();
            if (digitAt > start) buffer.Append('-');
            var i = digitAt;
            buffer.Append(text[i++]);
            while (i < text.Length)
            {
                if (char.IsAsciiDigit(text[i])) buffer.Append(text[i++]);
                else if (text[i] == ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) i++;
                else break;
            }
            if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
            {
                buffer.Append('.');
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i])) buffer.Append(text[i++]);
            }
            return decimal.TryParse(buffer.ToString(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        return null;
    }
}

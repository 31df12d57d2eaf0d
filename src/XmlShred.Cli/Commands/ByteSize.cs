using System.CommandLine;
using System.Globalization;

namespace XmlShred.Cli.Commands;

/// <summary>Byte sizes on the command line: <c>96MB</c>, <c>512KB</c>, <c>1GB</c>, <c>1.5G</c> or plain bytes (binary units: 1 KB = 1,024 bytes).</summary>
internal static class ByteSize
{
    public static Option<long> Option(string name, long defaultBytes, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultBytes,
        CustomParser = argument =>
        {
            var text = argument.Tokens.Count == 1 ? argument.Tokens[0].Value : "";
            if (TryParse(text, out var bytes)) return bytes;
            argument.AddError($"{name} '{text}' is not a size: use bytes or a number with KB, MB or GB, e.g. 96MB");
            return 0;
        },
    };

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var s = text.Trim().ToUpperInvariant();
        if (s.EndsWith('B') && s.Length > 1 && !char.IsDigit(s[^2])) s = s[..^1];
        long unit = 1;
        if (s.Length > 0 && s[^1] is 'K' or 'M' or 'G')
        {
            unit = s[^1] switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            s = s[..^1].TrimEnd();
        }
        else if (s.EndsWith('B')) s = s[..^1];
        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value * unit > long.MaxValue / 2) return false;
        bytes = (long)(value * unit);
        return bytes >= 1;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30}GB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20}MB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10}KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture),
    };
}

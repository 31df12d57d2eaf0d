using System.Globalization;

namespace XmlShred.Cli.Commands;

/// <summary>"1 worker", "2 workers": counts in messages agree with their nouns.</summary>
internal static class Plural
{
    /// <summary>The count (thousands separated) and the noun, made plural with an s unless <paramref name="plural"/> says otherwise.</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}

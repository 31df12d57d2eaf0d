using System.Data.Common;

namespace XmlShred.Storage;

/// <summary>
/// How one provider's connection strings are read: as keywords or as a URL of one of its schemes (see
/// <see cref="ConnectionUrl"/>), always with an application name, and how they are shown with the password redacted.
/// </summary>
public sealed class ConnectionFormat<TBuilder>(string product, IReadOnlyList<string> schemes, Func<ConnectionUrl, TBuilder> fromUrl, Func<string, TBuilder> fromKeywords)
    where TBuilder : DbConnectionStringBuilder
{
    public bool IsUrl(string value) => ConnectionUrl.HasScheme(value, schemes);

    public TBuilder Parse(string value) => ConnectionUrl.Builder(value, schemes, fromUrl, fromKeywords);

    /// <summary>The connection string with its password replaced, for logs and messages.</summary>
    public string Redact(string value) => ConnectionUrl.Redact(value, Parse, product);
}

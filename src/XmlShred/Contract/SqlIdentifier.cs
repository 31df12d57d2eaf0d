namespace XmlShred.Contract;

/// <summary>
/// Contract names become SQL identifiers (schema, tables, columns). Only plain identifiers are accepted, so no
/// contract can smuggle SQL into a statement, and every dialect can quote them the same way.
/// </summary>
public static class SqlIdentifier
{
    public const int MaxLength = 63; // PostgreSQL's limit, the smallest of the three targets.

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength) return false;
        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    public static string Explain(string? name) =>
        $"'{name}' is not a valid SQL identifier (letters, digits and '_', starting with a letter or '_', at most {MaxLength} characters)";
}

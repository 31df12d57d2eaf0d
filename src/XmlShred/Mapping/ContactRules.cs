using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>
/// Fixed vocabulary of the contact rules (CONTACT-2, CHILD-3, CHILD-4): the key attribute and the attributes/columns that make a
/// contact, address or employment row meaningful. They belong to the format, not to one product's contract.
/// </summary>
internal static class ContactRules
{
    public const string ConIdAttribute = "con_id";

    public static readonly string[] MeaningfulContactAttributes = ["birth_date", "first_name", "last_name", "ssn"];

    public static readonly string[] MeaningfulAddressColumns = ["zip", "city", "street_name", "street_number", "state"];
    public static readonly string[] MeaningfulAddressAttributes = ["zip_code", "city", "street_name"];

    public static readonly string[] MeaningfulEmploymentColumns = ["business_name", "job_title", "zip", "city"];
    public const string EmploymentSalaryColumn = "monthly_salary";
    public static readonly string[] MeaningfulEmploymentAttributes = ["business_name", "zip_code", "city"];

    /// <summary>Id grammar VALUE-9: trimmed ASCII digits with value 1..999999999.</summary>
    public static bool TryParseId(string? text, out long id)
    {
        id = 0;
        if (text is null) return false;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty || span.Length > 30) return false;
        long value = 0;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = Math.Min(value * 10 + (c - '0'), 1_000_000_000L);
        }
        if (value is < 1 or > 999_999_999) return false;
        id = value;
        return true;
    }

    public static bool IsMeaningfulContact(XmlNode element)
    {
        foreach (var name in MeaningfulContactAttributes)
        {
            if (!string.IsNullOrWhiteSpace(element.GetExact(name))) return true;
        }
        return false;
    }
}

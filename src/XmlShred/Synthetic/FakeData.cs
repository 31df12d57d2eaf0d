namespace XmlShred.Synthetic;

/// <summary>
/// Pools and formatters for realistic-looking values, including the messy spellings real feeds carry
/// (lower-case codes, padding, grouped amounts, punctuated phone numbers). All fictional.
/// </summary>
internal static class FakeData
{
    public static readonly string[] FirstNames =
    [
        "Avery", "Jordan", "Maria", "James", "Linh", "Omar", "Grace", "Mateo", "Priya", "Ethan", "Chloe", "Noah",
        "Sofia", "Liam", "Hana", "Diego", "Olivia", "Samuel", "Zoe", "Isaac", "Renée", "Tomás", "Aisha", "Wyatt",
    ];

    public static readonly string[] LastNames =
    [
        "Whitaker", "Nguyen", "Garcia", "O'Connell", "Patel", "Johansson", "Okafor", "Reyes", "Kowalski", "Bennett",
        "Hughes", "Tanaka", "Delgado", "Fischer", "Morales", "Larsen", "Abernathy", "Chen", "Dubois", "Sandoval",
    ];

    public static readonly string[] Streets =
    [
        "Canyon Ridge Dr", "Maple St", "Juniper Way", "W 400 N", "Harbor View Ln", "Old Mill Rd", "Sunset Blvd",
        "Aspen Ct", "E Center St", "Prairie Wind Ave", "Lakeshore Dr", "Cedar Hollow Rd",
    ];

    public static readonly (string City, string State, string Zip)[] Places =
    [
        ("Salt Lake City", "UT", "84101"), ("Provo", "UT", "84604"), ("Boise", "ID", "83702"), ("Reno", "NV", "89501"),
        ("Tucson", "AZ", "85701"), ("Denver", "CO", "80202"), ("Boston", "MA", "02108"), ("Portland", "ME", "04101"),
        ("Omaha", "NE", "68102"), ("Spokane", "WA", "99201"), ("Tulsa", "OK", "74103"), ("Albany", "NY", "12207"),
    ];

    public static readonly string[] Employers =
    [
        "Wasatch Logistics", "Bluebird Dental Group", "Smith & Sons Roofing", "County School District",
        "Northwind Software", "Red Rock Hospital", "self employed", "Granite Credit Union", "Sagebrush Diner",
        "Summit Freight LLC", "Lumen Analytics", "City of Tucson",
    ];

    public static readonly string[] JobTitles =
    [
        "Teacher", "Registered Nurse", "Owner", "Driver", "Software Engineer", "Cashier", "Office Manager",
        "Electrician", "Sales Associate", "Accountant", "Line Cook", "Warehouse Lead",
    ];

    public static readonly string[] Creditors =
    [
        "DEMO AUTO FINANCE", "PINE STATE BANK", "RIVERTON CU", "ACME RETAIL CARD", "NORTHSTAR MORTGAGE",
        "STUDENT LOAN SVC", "SUMMIT CARD SERVICES", "VALLEY FURNITURE", "MEDICAL COLLECTIONS INC",
    ];

    public static T Pick<T>(this Random rng, T[] items) => items[rng.Next(items.Length)];

    /// <summary>Picks by weight: <paramref name="choices"/> pairs each value with a relative weight.</summary>
    public static string Weighted(this Random rng, params (string Value, int Weight)[] choices)
    {
        var total = 0;
        foreach (var c in choices) total += c.Weight;
        var roll = rng.Next(total);
        foreach (var c in choices)
        {
            roll -= c.Weight;
            if (roll < 0) return c.Value;
        }
        return choices[^1].Value;
    }

    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    /// <summary>A date in one of the accepted spellings (VALUE-5), occasionally one the mapper must reject.</summary>
    public static string Date(Random rng, DateTime value, bool withTime)
    {
        var roll = rng.Next(100);
        if (roll < 2) return value.ToString("dd/MM/yy"); // day-first, two-digit year: unparseable on purpose
        if (!withTime)
        {
            return roll switch
            {
                < 55 => value.ToString("yyyy-MM-dd"),
                < 85 => value.ToString("MM/dd/yyyy"),
                _ => value.ToString("M/d/yyyy"),
            };
        }
        return roll switch
        {
            < 35 => value.ToString("yyyy-MM-dd HH:mm:ss.fff"),
            < 55 => value.ToString("yyyy-MM-ddTHH:mm:ss"),
            < 70 => value.ToString("M/d/yyyy h:mm:ss tt"),
            < 80 => value.ToString("yyyy-M-d H:m:s"),
            < 90 => value.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            _ => value.ToString("MM/dd/yyyy"),
        };
    }

    /// <summary>A money amount as feeds write it: plain, grouped, with a currency sign, or with cents.</summary>
    public static string Money(Random rng, decimal amount)
    {
        return rng.Next(5) switch
        {
            0 => amount.ToString("0"),
            1 => amount.ToString("#,##0.00"),
            2 => "$" + amount.ToString("#,##0"),
            3 => amount.ToString("0.00"),
            _ => amount.ToString("#,##0"),
        };
    }

    public static string Phone(Random rng)
    {
        var area = rng.Next(201, 990);
        var line = rng.Next(100, 200); // 555-01xx: reserved for fiction
        return rng.Next(4) switch
        {
            0 => $"({area}) 555-0{line:D3}",
            1 => $"{area}-555-0{line:D3}",
            2 => $"{area}5550{line:D3}",
            _ => $"{area}.555.0{line:D3}",
        };
    }

    public static string Ssn(Random rng)
    {
        // 9xx area numbers are never issued: clearly fictional
        var area = rng.Next(900, 1000);
        var group = rng.Next(1, 100);
        var serial = rng.Next(1, 10000);
        return rng.Next(3) switch
        {
            0 => $"{area}-{group:D2}-{serial:D4}",
            1 => $"{area}{group:D2}{serial:D4}",
            _ => $"{area} {group:D2} {serial:D4}",
        };
    }

    /// <summary>A code with the casing and padding slips real data has.</summary>
    public static string Messy(Random rng, string code) => rng.Next(20) switch
    {
        0 => code.ToLowerInvariant(),
        1 => " " + code + " ",
        _ => code,
    };

    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>An opaque base64-looking token (device fingerprints are long: exercises unlimited length).</summary>
    public static string Token(Random rng, int length)
    {
        return string.Create(length, rng, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = TokenAlphabet[r.Next(TokenAlphabet.Length)];
            if (span.Length > 2) span[^1] = '=';
        });
    }
}

using System.Text;

namespace XmlShred.Tests.Hostile;

/// <summary>What should become of one hostile file: mapped (or rejected with a reason containing a fragment), and loaded or refused.</summary>
public sealed record HostileCase(string Name, long AppId, byte[] Bytes, bool Maps, string? Reason, bool Loads, string? LoadReason)
{
    /// <summary>The contact's first_name a mapped case must produce (encodings must not change it).</summary>
    public string FirstName { get; init; } = "Ann";

    /// <summary>Text the pipeline can be given straight from a text column: decodable and free of NUL (which no text column keeps).</summary>
    public bool FitsATextColumn { get; init; } = true;

    public override string ToString() => Name;
}

/// <summary>
/// Documents made to break a reader: encodings, byte-order marks, undecodable bytes, NUL, nesting, sizes, DTDs and
/// entities, structure tricks. Each case fits the example contract when it is well-behaved, so "maps" means the
/// whole engine accepted it, and each failure names the rule or limit that stopped it.
/// </summary>
public static class HostileCorpus
{
    private const long FirstId = 9000;

    /// <summary>A valid application for the example contract; <paramref name="inner"/> goes inside the application element.</summary>
    public static string Document(long id, string first = "Ann", string last = "Lee", string inner = "", string token = "tok", string root = "Provenir", string prolog = "") =>
        $"{prolog}<{root}><Request ID=\"{id}\"><CustData><application app_receive_date=\"2024-05-01\" product_line=\"CC\" device_token=\"{token}\">"
        + $"<contact con_id=\"{id * 10}\" party_role=\"PR\" first_name=\"{first}\" last_name=\"{last}\" birth_date=\"1980-01-01\" ssn=\"123-45-6789\" paperless_ind=\"Y\"/>"
        + $"{inner}</application></CustData></Request></{root}>";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static IReadOnlyList<HostileCase> Cases { get; } = Build();

    private static List<HostileCase> Build()
    {
        var cases = new List<HostileCase>();
        var next = FirstId;
        void Ok(string name, Func<long, byte[]> bytes, string first = "Ann")
        {
            var id = next++;
            cases.Add(new HostileCase(name, id, bytes(id), true, null, true, null) { FirstName = first });
        }
        void Bad(string name, Func<long, byte[]> bytes, string reason, string? loadReason = null, bool fitsText = true)
        {
            var id = next++;
            cases.Add(new HostileCase(name, id, bytes(id), false, reason, false, loadReason ?? reason) { FitsATextColumn = fitsText });
        }

        // Encodings and byte-order marks: decoded by the BOM or the XML declaration, never guessed.
        Ok("plain UTF-8", id => Utf8(Document(id)));
        Ok("UTF-8 with BOM", id => Concat([0xEF, 0xBB, 0xBF], Utf8(Document(id, "José", "Müller"))), "José");
        Ok("ISO-8859-1 declared", id => Encoding.Latin1.GetBytes(Document(id, "José", "Müller", prolog: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")), "José");
        Ok("windows-1252 declared", id => CodePage(1252).GetBytes(Document(id, "José", "Müller", token: "€uro", prolog: "<?xml version=\"1.0\" encoding=\"windows-1252\"?>")), "José");
        Ok("UTF-16 LE with BOM", id => Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Document(id, "José", "Müller"))), "José");
        Ok("UTF-16 BE with BOM", id => Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(Document(id, "José", "Müller"))), "José");
        Ok("UTF-16 LE declared, no BOM", id => Encoding.Unicode.GetBytes(Document(id, "José", "Müller", prolog: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")), "José");
        Ok("emoji by character reference", id => Utf8(Document(id, "&#x1F600;", "Lee")), "😀");
        Ok("emoji as UTF-8 bytes", id => Utf8(Document(id, "😀 Ann", "Lee")), "😀 Ann");
        Bad("invalid UTF-8 byte", id => Concat(Utf8(Document(id, "Jos")[..^1]), [0xC3, 0x28], Utf8(">")), "XML decoding failed", fitsText: false);
        Bad("ISO-8859-1 bytes without a declaration", id => Encoding.Latin1.GetBytes(Document(id, "José", "Müller")), "XML decoding failed", fitsText: false);
        Bad("UTF-8-encoded surrogate", id => Concat(Utf8($"<Provenir><Request ID=\"{id}\"><CustData><application x=\""), [0xED, 0xA0, 0x80], Utf8("\"/></CustData></Request></Provenir>")), "XML decoding failed", fitsText: false);
        Bad("unknown encoding", id => Utf8(Document(id, prolog: "<?xml version=\"1.0\" encoding=\"klingon\"?>")), "XML decoding failed", fitsText: false);
        Bad("truncated UTF-8 sequence at the end", id => Concat(Utf8(Document(id)), [0xE2, 0x82]), "XML decoding failed", fitsText: false);

        // Characters XML forbids: a target could not store them faithfully, and no parser accepts them.
        Bad("NUL byte in an attribute", id => Utf8(Document(id, "An\0n")), "0x00", fitsText: false);
        Bad("NUL by character reference", id => Utf8(Document(id, "An&#0;n")), "XML parsing failed");
        Bad("control character U+0001 in an attribute", id => Utf8(Document(id, "An\u0001n")), "XML parsing failed");
        Bad("U+FFFF by character reference", id => Utf8(Document(id, "&#xFFFF;")), "XML parsing failed");
        Ok("leading control characters and BOM are cleaned", id => Concat([0x01, 0x02, 0x20], Utf8(Document(id))));

        // Nesting, counts and sizes: each over a limit fails alone and names the limit and the application.
        Bad("100,000 levels deep", id => Utf8(Document(id, inner: Repeat("<a>", 100_000) + Repeat("</a>", 100_000))), $"app_id {next}: document nests elements deeper than the limit of 256 levels (XmlLimits.MaxDepth)");
        // The application element is level 4.
        Bad("257 levels deep", id => Utf8(Document(id, inner: Repeat("<a>", 253) + Repeat("</a>", 253))), "(XmlLimits.MaxDepth)");
        Ok("256 levels deep", id => Utf8(Document(id, inner: Repeat("<a>", 252) + Repeat("</a>", 252))));
        Ok("200 levels deep inside a contact", id => Utf8(Document(id).Replace("paperless_ind=\"Y\"/>", "paperless_ind=\"Y\">" + Repeat("<x>", 200) + Repeat("</x>", 200) + "</contact>", StringComparison.Ordinal)));
        Bad("20,000 attributes on one element", id => Utf8(Document(id, inner: "<z " + string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"a{i}=\"{i}\"")) + "/>")), "(XmlLimits.MaxAttributes)");
        Ok("5,000 attributes on one element", id => Utf8(Document(id, inner: "<z " + string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"a{i}=\"{i}\"")) + "/>")));
        Bad("2 MB attribute the contract reads", id => Utf8(Document(id, token: new string('t', 2 * 1024 * 1024))), "(XmlLimits.MaxAttributeLength)");
        Bad("1,100,000 elements", id => Utf8(Document(id, inner: Repeat("<e/>", 1_100_000))), "(XmlLimits.MaxElements)");
        Ok("50,000 distinct element names", id => Utf8(Document(id, inner: string.Concat(Enumerable.Range(0, 50_000).Select(i => $"<n{i}/>")))));
        Ok("100,000-character element name", id => Utf8(Document(id, inner: $"<{new string('q', 100_000)}/>")));
        Bad("larger than --max-document-bytes", id => Utf8(Document(id, inner: "<pad v=\"" + new string('p', 65 * 1024 * 1024) + "\"/>")), "(XmlLimits.MaxDocumentBytes)");

        // DTDs and entities: refused outright, nothing is expanded or fetched.
        Bad("billion laughs", id => Utf8("<!DOCTYPE Provenir [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>" + Document(id, "&c;")), "DOCTYPE declarations are refused");
        Bad("external entity (XXE)", id => Utf8("<!DOCTYPE Provenir [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Document(id, "&x;")), "DOCTYPE declarations are refused");
        Bad("external DTD", id => Utf8("<!DOCTYPE Provenir SYSTEM \"http://127.0.0.1:1/evil.dtd\">" + Document(id)), "DOCTYPE declarations are refused");
        Bad("undefined entity", id => Utf8(Document(id, "&nope;")), "XML parsing failed");

        // Structure, checked by the parser.
        Bad("comment hides the root", id => Utf8("<!--<Provenir>-->" + Document(id, root: "Other")), "the root element is <Other>");
        Bad("wrong root", id => Utf8(Document(id, root: "Other")), "the root element is <Other>");
        Bad("root in lower case", id => Utf8(Document(id, root: "provenir")), "the root element is <provenir>");
        Ok("comments and processing instructions before the root", id => Utf8(Document(id, prolog: "<?xml version=\"1.0\"?><!-- exported --><?app v1?>\n<!-- again -->")));
        Ok("namespace-qualified root", id => Utf8(Document(id).Replace("<Provenir>", "<p:Provenir xmlns:p=\"urn:x\">", StringComparison.Ordinal).Replace("</Provenir>", "</p:Provenir>", StringComparison.Ordinal)));
        Bad("text before the root", id => Utf8("hello" + Document(id)), "Invalid XML structure or format");
        Bad("junk after the root", id => Utf8(Document(id) + "junk"), "XML parsing failed");
        Bad("two roots", id => Utf8(Document(id) + Document(id)), "XML parsing failed");
        Bad("truncated in the middle", id => Utf8(Document(id)[..120]), "truncated");
        Bad("empty file", _ => [], "the document is empty");
        Bad("white space only", _ => Utf8(" \r\n\t "), "the document is empty");
        Bad("duplicate attribute", id => Utf8(Document(id).Replace("party_role=\"PR\"", "party_role=\"PR\" party_role=\"AUTHU\"", StringComparison.Ordinal)), "XML parsing failed");
        Bad("XML 1.1 declaration", id => Utf8(Document(id, prolog: "<?xml version=\"1.1\"?>")), "Invalid XML structure or format");
        Bad("no Request/@ID", id => Utf8(Document(id).Replace($"ID=\"{id}\"", "", StringComparison.Ordinal)), "Missing app_id", loadReason: "no ID attribute");
        return cases;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static Encoding CodePage(int page)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(page);
    }
}

using XmlShred.Contract;
using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>Pre-processing validation after parsing (REJECT-2, REJECT-3): the application id and the application element.</summary>
internal static class DocumentValidator
{
    private const string RequestElement = "Request";
    private const string CustDataElement = "CustData";

    /// <summary>
    /// Returns the app id when Request/@ID is valid (even if REJECT-3 fails, so the rejection still names it) and adds every
    /// error found to <paramref name="errors"/> (REJECT-2, REJECT-3 are both reported). The document is valid when none is added.
    /// </summary>
    public static long? Validate(XmlDocumentModel document, CompiledContract contract, List<string> errors)
    {
        long? appId = null;
        var request = FirstChild(document.Root, RequestElement);
        var idText = request?.GetExact("ID")?.Trim();
        if (string.IsNullOrEmpty(idText))
            errors.Add("CRITICAL: Missing app_id (/Provenir/Request/@ID)");
        else if (!idText.All(char.IsAsciiDigit))
            errors.Add($"CRITICAL: Invalid app_id format: {idText} (must be integer)");
        else if (!ContactRules.TryParseId(idText, out var id))
            errors.Add($"CRITICAL: Invalid app_id value: {idText} (must be positive integer, at most 999999999)");
        else
            appId = id;

        var expected = contract.ApplicationElement;
        var custData = document.Find($"/{document.Root.Name}/{RequestElement}/{CustDataElement}");
        if (document.Find($"/{document.Root.Name}/{RequestElement}/{CustDataElement}/{expected}") is null)
        {
            var found = custData?.Children.Select(c => c.Name).Distinct().ToList() ?? [];
            errors.Add(found.Count == 0
                ? $"Missing required application element: /Provenir/Request/CustData/{expected}. Contract '{contract.Name}' expects '{expected}' for this product line."
                : $"Wrong product line: contract '{contract.Name}' expects /Provenir/Request/CustData/{expected} but the document has {string.Join(", ", found.Select(f => "/" + f))}. This XML is not compatible with the contract.");
        }
        return appId;
    }

    private static XmlNode? FirstChild(XmlNode node, string name)
    {
        foreach (var child in node.Children)
        {
            if (child.Name == name) return child;
        }
        return null;
    }
}

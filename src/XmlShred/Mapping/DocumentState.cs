using XmlShred.Contract;
using XmlShred.Expressions;
using XmlShred.Xml;

namespace XmlShred.Mapping;

/// <summary>Everything known about the one document being mapped. Created per document, never shared.</summary>
internal sealed class DocumentState
{
    private ExpressionContext? _applicationContext;

    public DocumentState(CompiledContract contract, ContextNames contextNames, ContextNames contactContextNames, XmlDocumentModel document, long appId, DateTime utcNow)
    {
        Contract = contract;
        ContextNames = contextNames;
        ContactContextNames = contactContextNames;
        Document = document;
        AppId = appId;
        AppIdText = appId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        UtcNow = utcNow;
        Contacts = ContactSet.Select(document, contract, Warnings, AppIdText);
    }

    public CompiledContract Contract { get; }
    /// <summary>Which names the application expression context needs (computed once per contract).</summary>
    public ContextNames ContextNames { get; }
    /// <summary>Which names contact and address/employment expression contexts need.</summary>
    public ContextNames ContactContextNames { get; }
    public XmlDocumentModel Document { get; }
    public long AppId { get; }
    public string AppIdText { get; }
    public DateTime UtcNow { get; }
    public ContactSet Contacts { get; }
    public List<string> Warnings { get; } = [];

    /// <summary>The application expression context of EXPR-10, built on first use and shared by every table.</summary>
    public ExpressionContext ApplicationContext() => _applicationContext ??= ExpressionContexts.ForApplication(this);
}

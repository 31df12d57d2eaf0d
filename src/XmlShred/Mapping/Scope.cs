using XmlShred.Expressions;
using XmlShred.Xml;
using XmlShred.Values;

namespace XmlShred.Mapping;

internal enum ScopeKind
{
    /// <summary>No context: application-level entries without calculated fields, key/value builders.</summary>
    None,
    /// <summary>A contact row (ROW-3).</summary>
    Contact,
    /// <summary>An address or employment row (CHILD-2).</summary>
    Child,
    /// <summary>An application-level table with calculated fields, or collateral (EXPR-10).</summary>
    Application,
}

/// <summary>The context one entry is evaluated in (READ-1 to READ-6): which element it reads and which names expressions see.</summary>
internal readonly struct Scope
{
    private readonly Func<ExpressionContext>? _expressionContext;

    private Scope(ScopeKind kind, XmlNode? element, string? conIdText, Func<ExpressionContext>? expressionContext)
    {
        Kind = kind;
        Element = element;
        ConIdText = conIdText;
        _expressionContext = expressionContext;
    }

    public ScopeKind Kind { get; }
    /// <summary>The contact element (Contact) or the child element (Child).</summary>
    public XmlNode? Element { get; }
    /// <summary>The winning contact's trimmed con_id (Contact and Child).</summary>
    public string? ConIdText { get; }

    public bool HasContext => Kind != ScopeKind.None;

    public static Scope None => default;

    public static Scope ForContact(Contact contact, Func<ExpressionContext> context) =>
        new(ScopeKind.Contact, contact.Element, contact.ConIdText, context);

    public static Scope ForChild(XmlNode child, string conIdText, Func<ExpressionContext> context) =>
        new(ScopeKind.Child, child, conIdText, context);

    public static Scope ForApplication(Func<ExpressionContext> context) =>
        new(ScopeKind.Application, null, null, context);

    /// <summary>The names an expression sees in this scope (built on first use).</summary>
    public ExpressionContext ExpressionContext() =>
        _expressionContext?.Invoke() ?? throw new InvalidOperationException("this scope has no expression context");

    /// <summary>The context's attribute <paramref name="name"/> (exact, then case-insensitive), trimmed.</summary>
    public string? Attribute(string name) => Kind switch
    {
        ScopeKind.Contact or ScopeKind.Child => Element!.Get(name),
        ScopeKind.Application => ExpressionContext().TryGetValue(name, out var value) && value is string or long or decimal or DateTime
            ? ValueText.ToText(value!).Trim()
            : null,
        _ => null,
    };
}

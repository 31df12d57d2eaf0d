using System.Text;

namespace XmlShred.Synthetic;

/// <summary>
/// Minimal append-only XML text writer over a StringBuilder: attribute-only elements, which is all the
/// format carries. Faster than XmlWriter for megabytes of filler and keeps the layout we choose.
/// </summary>
internal sealed class XmlText
{
    private readonly StringBuilder _sb;
    private int _depth;

    public XmlText(int capacity) => _sb = new StringBuilder(capacity);

    public int Length => _sb.Length;

    /// <summary>Starts <c>&lt;name</c> on a new indented line; follow with <see cref="Attr"/> and then <see cref="Open"/> or <see cref="Empty"/>.</summary>
    public XmlText Start(string name)
    {
        if (_sb.Length > 0 && _sb[^1] != '\n') _sb.Append('\n');
        _sb.Append(' ', _depth * 2).Append('<').Append(name);
        return this;
    }

    public XmlText Attr(string name, string value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': _sb.Append("&amp;"); break;
                case '<': _sb.Append("&lt;"); break;
                case '>': _sb.Append("&gt;"); break;
                case '"': _sb.Append("&quot;"); break;
                default: _sb.Append(c); break;
            }
        }
        _sb.Append('"');
        return this;
    }

    public XmlText Attr(string name, long value)
    {
        _sb.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
        return this;
    }

    /// <summary>Ends a start tag that will have children.</summary>
    public void Open()
    {
        _sb.Append('>');
        _depth++;
    }

    /// <summary>Ends a start tag as an empty element.</summary>
    public void Empty() => _sb.Append("/>");

    public void End(string name)
    {
        _depth--;
        _sb.Append('\n').Append(' ', _depth * 2).Append("</").Append(name).Append('>');
    }

    public void Raw(string text) => _sb.Append(text);

    public override string ToString() => _sb.ToString();
}

using System.CommandLine;
using XmlShred.Xml;

namespace XmlShred.Cli.Commands;

/// <summary>
/// The per-document limits, one set of options shared by <c>run</c>, <c>load</c> and <c>map</c>. Each option sets the
/// <see cref="XmlLimits"/> property that failure reasons name (<c>--max-depth</c> is <c>XmlLimits.MaxDepth</c>).
/// </summary>
internal sealed class LimitOptions
{
    private readonly Option<long> _bytes = NumberOptions.Positive("--max-document-bytes",
        "Largest document in bytes; larger ones fail unparsed (XmlLimits.MaxDocumentBytes).", XmlLimits.DefaultMaxDocumentBytes);
    private readonly Option<int> _depth = NumberOptions.Positive("--max-depth",
        "Deepest element nesting (the root is level 1); real applications nest about 10 (XmlLimits.MaxDepth).", XmlLimits.DefaultMaxDepth);
    private readonly Option<int> _elements = NumberOptions.Positive("--max-elements",
        "Most elements in one document (XmlLimits.MaxElements).", XmlLimits.DefaultMaxElements);
    private readonly Option<int> _attributes = NumberOptions.Positive("--max-attributes",
        "Most attributes on one element (XmlLimits.MaxAttributes).", XmlLimits.DefaultMaxAttributes);
    private readonly Option<int> _attributeLength = NumberOptions.Positive("--max-attribute-length",
        "Longest attribute value, in characters (XmlLimits.MaxAttributeLength).", XmlLimits.DefaultMaxAttributeLength);
    private readonly Option<double> _seconds = NumberOptions.Positive<double>("--document-time-budget",
        "Seconds one document may take to read and map (XmlLimits.TimeBudget).", XmlLimits.DefaultTimeBudgetSeconds, max: NumberOptions.MaxSeconds);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _bytes, _depth, _elements, _attributes, _attributeLength, _seconds }) command.Options.Add(option);
    }

    /// <summary>The limits given (each value was checked when the command line was parsed).</summary>
    public XmlLimits Read(ParseResult result) => new()
    {
        MaxDocumentBytes = result.GetValue(_bytes),
        MaxDepth = result.GetValue(_depth),
        MaxElements = result.GetValue(_elements),
        MaxAttributes = result.GetValue(_attributes),
        MaxAttributeLength = result.GetValue(_attributeLength),
        TimeBudget = TimeSpan.FromSeconds(result.GetValue(_seconds)),
    };
}

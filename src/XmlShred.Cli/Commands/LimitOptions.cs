using System.CommandLine;
using XmlShred.Xml;

namespace XmlShred.Cli.Commands;

/// <summary>The per-document limits, one set of options shared by <c>run</c>, <c>load</c> and <c>map</c>.</summary>
internal sealed class LimitOptions
{
    private readonly Option<long> _bytes = new("--max-document-bytes")
    {
        Description = "Largest document in bytes; larger ones fail unparsed.",
        DefaultValueFactory = _ => XmlLimits.DefaultMaxDocumentBytes,
    };
    private readonly Option<int> _depth = new("--max-depth")
    {
        Description = "Deepest element nesting (the root is level 1); real applications nest about 10.",
        DefaultValueFactory = _ => XmlLimits.DefaultMaxDepth,
    };
    private readonly Option<int> _elements = new("--max-elements")
    {
        Description = "Most elements in one document.",
        DefaultValueFactory = _ => XmlLimits.DefaultMaxElements,
    };
    private readonly Option<int> _attributes = new("--max-attributes")
    {
        Description = "Most attributes on one element.",
        DefaultValueFactory = _ => XmlLimits.DefaultMaxAttributes,
    };
    private readonly Option<int> _attributeLength = new("--max-attribute-length")
    {
        Description = "Longest attribute value, in characters.",
        DefaultValueFactory = _ => XmlLimits.DefaultMaxAttributeLength,
    };
    private readonly Option<double> _seconds = new("--document-time-budget")
    {
        Description = "Seconds one document may take to read and map.",
        DefaultValueFactory = _ => XmlLimits.DefaultTimeBudgetSeconds,
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _bytes, _depth, _elements, _attributes, _attributeLength, _seconds }) command.Options.Add(option);
    }

    /// <summary>The limits given; a value out of range is a usage error (exit 2).</summary>
    public XmlLimits Read(ParseResult result)
    {
        var seconds = result.GetValue(_seconds);
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            throw new UsageException($"--document-time-budget must be a positive number of seconds (got {seconds})");
        var limits = new XmlLimits
        {
            MaxDocumentBytes = result.GetValue(_bytes),
            MaxDepth = result.GetValue(_depth),
            MaxElements = result.GetValue(_elements),
            MaxAttributes = result.GetValue(_attributes),
            MaxAttributeLength = result.GetValue(_attributeLength),
            TimeBudget = TimeSpan.FromSeconds(seconds),
        };
        try
        {
            limits.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
        return limits;
    }
}

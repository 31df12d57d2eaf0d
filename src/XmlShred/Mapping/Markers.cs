namespace XmlShred.Mapping;

/// <summary>Sentinel values that travel through value resolution but are never written.</summary>
internal static class Markers
{
    /// <summary>"Evaluate the expression" (READ-2): the input of a calculated field.</summary>
    public static readonly object Calc = new Sentinel("<calc>");

    /// <summary>A list of child dictionaries (READ-5); only ever an ignored input to <c>curr_address_only</c>.</summary>
    public static readonly object List = new Sentinel("<list>");

    private sealed record Sentinel(string Name)
    {
        public override string ToString() => Name;
    }
}

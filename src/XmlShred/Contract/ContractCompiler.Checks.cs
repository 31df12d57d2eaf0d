using System.Globalization;
using XmlShred.Values;

namespace XmlShred.Contract;

/// <summary>
/// Contract mistakes that would otherwise change data silently, each reported with the entry and the reason:
/// types, lengths and scales the targets cannot hold, defaults and enum codes that do not fit their column, paths
/// outside the document's root and tables listed twice.
/// </summary>
internal sealed partial class ContractCompiler
{
    /// <summary>PostgreSQL's largest varchar(n); SQL Server's nvarchar(max) holds more, SQLite does not care.</summary>
    internal const int MaxDataLength = 10_485_760;

    /// <summary>The targets create decimals as numeric(18, scale), so the scale (decimal's data_length) can be at most 18.</summary>
    internal const int MaxDecimalScale = 18;

    private static readonly string s_knownTypes = string.Join(", ", Enum.GetValues<DataType>().Where(t => t != DataType.Other).Select(t => t.ToString().ToLowerInvariant()));

    /// <summary>A <c>null</c> where an object belongs (a list item, a conversion map): reported, and nothing else is compiled.</summary>
    private bool CheckNoNullItems()
    {
        var ok = true;
        void Check<T>(IReadOnlyList<T?>? items, string name) where T : class
        {
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                if (items![i] is not null) continue;
                _sink.Error("JSON", $"{name}[{i}]", "is null; an object is expected");
                ok = false;
            }
        }
        Check(_doc.Mappings, "mappings");
        Check(_doc.Relationships, "relationships");
        Check(_doc.ElementFiltering?.FilterRules, "element_filtering.filter_rules");
        foreach (var (name, map) in _doc.BitConversions ?? [])
        {
            if (map is not null) continue;
            _sink.Error("bit_conversions", $"bit_conversions.{name}", "is null; an object of text → 0 or 1 is expected");
            ok = false;
        }
        return ok;
    }

    private void CheckTableOrder()
    {
        var order = _doc.TableInsertionOrder ?? [];
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] is null) _sink.Error("table-order", $"table_insertion_order[{i}]", "is null; list table names");
            else if (!first.TryAdd(order[i], i)) _sink.Error("table-order", $"table_insertion_order[{i}]", $"table '{order[i]}' is listed twice (first at [{first[order[i]]}])");
        }
    }

    private void CheckApplicationPath()
    {
        var root = _doc.XmlRootElement?.Trim();
        var path = _doc.XmlApplicationPath?.Trim();
        if (string.IsNullOrEmpty(root) || string.IsNullOrEmpty(path)) return;
        if (!IsUnderRoot(path, root)) _sink.Error("path", "xml_application_path", $"'{path}' is outside the root element: it must start with /{root}/");
    }

    private static bool IsUnderRoot(string path, string root) =>
        path == "/" + root || path.StartsWith("/" + root + "/", StringComparison.Ordinal);

    /// <summary>The checks of one entry's declared shape; false when the entry cannot be compiled at all.</summary>
    private bool CheckEntryShape(MappingDocument m, string location)
    {
        var ok = true;
        var type = DataTypes.Parse(m.DataType!);
        if (type == DataType.Other)
        {
            _sink.Error("data_type", location, $"data_type '{m.DataType}' is unknown; use one of {s_knownTypes}");
            ok = false;
        }
        if (m.DataLength is { } length)
        {
            if (length < -1) _sink.Error("data_length", location, $"data_length {length} is negative; use -1 for no limit");
            else if (type == DataType.Decimal && length > MaxDecimalScale)
                _sink.Error("data_length", location, $"data_length {length} is the decimal's scale and must be at most {MaxDecimalScale}: the targets store decimals as numeric(18, scale)");
            else if (length > MaxDataLength) _sink.Error("data_length", location, $"data_length {length:N0} is larger than any target column holds (at most {MaxDataLength:N0}; -1 means no limit)");
        }
        var root = _doc.XmlRootElement?.Trim();
        if (!string.IsNullOrEmpty(root) && !IsUnderRoot(m.XmlPath!.Trim(), root))
            _sink.Error("path", location, $"xml_path '{m.XmlPath}' is outside the root element /{root}: it can never match");
        return ok;
    }

    /// <summary>A default that does not convert to the column type, or an integer code out of the column's range.</summary>
    private void CheckEntryValues(MappingEntry entry, string location)
    {
        if (!string.IsNullOrWhiteSpace(entry.DefaultText) && entry.DataType is not (DataType.String or DataType.Other))
        {
            if (entry.TypedDefault is null or string)
                _sink.Error("default_value", location, $"default_value '{entry.DefaultText}' does not convert to {entry.DataTypeName}");
            else if (IntegerRange(entry.DataType) is { } range && !InRange(entry.TypedDefault, range))
                _sink.Error("default_value", location, $"default_value '{entry.DefaultText}' is outside the range of {entry.DataTypeName} ({range.Min}..{range.Max})");
        }
        if (entry.EnumMap is { } map && IntegerRange(entry.DataType) is { } columnRange)
        {
            foreach (var (key, code) in map.Pairs)
            {
                if (code is not long number)
                {
                    _sink.Error("enum", location, $"enum_mappings.{map.Name}[\"{key}\"] = {Describe(code)} is not an integer, but the column is {entry.DataTypeName}");
                    return;
                }
                if (number < columnRange.Min || number > columnRange.Max)
                {
                    _sink.Error("enum", location, $"enum_mappings.{map.Name}[\"{key}\"] = {number} is outside the range of {entry.DataTypeName} ({columnRange.Min}..{columnRange.Max})");
                    return;
                }
            }
        }
    }

    private static string Describe(object code) => code is string s ? $"\"{s}\"" : Convert.ToString(code, CultureInfo.InvariantCulture) ?? "null";

    private static (long Min, long Max)? IntegerRange(DataType type) => type switch
    {
        DataType.TinyInt => (0, 255),
        DataType.SmallInt => (short.MinValue, short.MaxValue),
        DataType.Int => (int.MinValue, int.MaxValue),
        DataType.BigInt => (long.MinValue, long.MaxValue),
        DataType.Bit or DataType.Boolean => (0, 1),
        _ => null,
    };

    private static bool InRange(object value, (long Min, long Max) range) => value switch
    {
        long n => n >= range.Min && n <= range.Max,
        int n => n >= range.Min && n <= range.Max,
        decimal d => d >= range.Min && d <= range.Max,
        _ => true,
    };
}

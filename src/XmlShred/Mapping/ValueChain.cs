using XmlShred.Contract;
using XmlShred.Expressions;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>The mapping-type chain of CHAIN-2 and each token's step (TOKEN-1 to TOKEN-12).</summary>
internal static class ValueChain
{
    public static object? Run(MappingEntry entry, object? input, in Scope scope, DocumentState state, ref bool defaultSupplied)
    {
        object? original = null;
        if (input == Markers.Calc && scope.HasContext && entry.XmlAttribute is not null)
        {
            var raw = scope.Attribute(entry.XmlAttribute);
            original = string.IsNullOrEmpty(raw) ? null : raw;
        }
        var current = input;
        var tokens = entry.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Kind;
            if (token == MappingTokenKind.Enum && i > 0 && tokens[i - 1].Kind == MappingTokenKind.CalculatedField)
            {
                if (current is null) current = original; // the enum falls back to the raw attribute
                else if (current is not "") continue;     // a real calculated result skips the enum
            }
            current = Apply(token, entry, current, i, scope, state, ref defaultSupplied);
            if (current is null && token is not (MappingTokenKind.Enum or MappingTokenKind.UtcNowIfNull))
            {
                if (i + 1 < tokens.Count && tokens[i + 1].Kind == MappingTokenKind.Enum) continue;
                break;
            }
        }
        if (current == Markers.Calc || current == Markers.List) return null;
        if (current is string text && !string.IsNullOrWhiteSpace(text) && entry.DataType != DataType.String)
        {
            return entry.DataType == DataType.Decimal && entry.DataLength is { } scale
                ? TypedValue.ToDecimal(text, scale)
                : TypedValue.Generic(text, entry.DataType);
        }
        return current;
    }

    private static object? Apply(MappingTokenKind token, MappingEntry entry, object? current, int index, in Scope scope, DocumentState state, ref bool defaultSupplied)
    {
        switch (token)
        {
            case MappingTokenKind.Enum:
                return ApplyEnum(entry, current, ref defaultSupplied);
            case MappingTokenKind.CalculatedField:
                if (current != Markers.Calc && ValueText.IsBlank(current)) return entry.TypedDefault;
                return Calculate(entry, scope, state, nextIsEnum: index + 1 < entry.Tokens.Count && entry.Tokens[index + 1].Kind == MappingTokenKind.Enum);
            case MappingTokenKind.CharToBit:
                return BitLookup(state.Contract.CharToBit, Text(current), upperFallback: true);
            case MappingTokenKind.BooleanToBit:
                return BitLookup(state.Contract.BooleanToBit, Text(current).ToLowerInvariant(), upperFallback: false);
            case MappingTokenKind.NumbersOnly:
                if (ValueText.IsBlank(current)) return entry.TypedDefault;
                var digits = ValueText.DigitsOnly(Text(current));
                return digits.Length == 0 ? null : digits;
            case MappingTokenKind.ExtractNumeric:
                if (ValueText.IsBlank(current)) return entry.TypedDefault;
                return NumericToken.Extract(Text(current)) is { } number ? ConvertTo(entry, number) : null;
            case MappingTokenKind.LastValidPrimary or MappingTokenKind.LastValidSecondary or MappingTokenKind.AuthorizedUser:
                return current; // resolved by (READ-1) already
            case MappingTokenKind.CurrentAddressOnly:
                return scope.HasContext && scope.ConIdText is not null ? ContactExtractors.CurrentAddress(entry, scope, state) : current;
            case MappingTokenKind.UtcNowIfNull:
                return ValueText.IsBlank(current) ? state.UtcNow : ConvertTo(entry, current!);
            case MappingTokenKind.AddScore or MappingTokenKind.AddIndicator or MappingTokenKind.AddHistory or MappingTokenKind.AddReportLookup
                or MappingTokenKind.PolicyExceptions or MappingTokenKind.WarrantyField or MappingTokenKind.AddCollateral:
                return current; // row-creating tokens are handled by their builders
            default: // identity_insert, extract_date and unknown tokens: blank-guard, then the column type
                if (current == Markers.Calc || current == Markers.List) return current;
                if (ValueText.IsBlank(current)) return entry.TypedDefault;
                return ConvertTo(entry, current!);
        }
    }

    /// <summary><c>char_to_bit</c> (TOKEN-3) on a raw value: never null, never a default.</summary>
    public static long CharToBit(DocumentState state, object? value) =>
        BitLookup(state.Contract.CharToBit, Text(value), upperFallback: true);

    private static object? ConvertTo(MappingEntry entry, object value) =>
        TypedValue.Generic(value, entry.DataType, entry.DataType == DataType.Decimal ? entry.DataLength : null);

    private static string Text(object? value) => value is null || value == Markers.Calc || value == Markers.List ? "" : ValueText.ToText(value).Trim();

    /// <summary>ENUM-2, ENUM-3: lookup, else null (nullable) or the typed default.</summary>
    private static object? ApplyEnum(MappingEntry entry, object? current, ref bool defaultSupplied)
    {
        var code = entry.EnumMap?.Lookup(current is null || current == Markers.Calc || current == Markers.List ? null : ValueText.ToText(current));
        if (code is not null) return code;
        if (entry.Nullable || entry.TypedDefault is null) return null;
        defaultSupplied = true;
        return entry.TypedDefault;
    }

    private static long BitLookup(IReadOnlyDictionary<string, int> map, string key, bool upperFallback)
    {
        if (map.TryGetValue(key, out var bit)) return bit;
        if (upperFallback && map.TryGetValue(key.ToUpperInvariant(), out bit)) return bit;
        return 0;
    }

    /// <summary>TOKEN-1: evaluate and convert the result to the column.</summary>
    private static object? Calculate(MappingEntry entry, in Scope scope, DocumentState state, bool nextIsEnum)
    {
        if (entry.Expression is null || !scope.HasContext) return null;
        var result = entry.Expression.Evaluate(scope.ExpressionContext(), state.UtcNow);
        switch (result.Kind)
        {
            case ExprKind.Null:
                return null;
            case ExprKind.Boolean:
                return ConvertNumber(entry, result.AsBoolean ? 1m : 0m);
            case ExprKind.Number:
                return ConvertNumber(entry, result.AsNumber);
            case ExprKind.String:
                var text = result.AsString;
                if (text.Length == 0 && (entry.DataType == DataType.String || nextIsEnum)) return "";
                if (entry.DataType == DataType.String) return text;
                return ConvertTo(entry, text);
            case ExprKind.DateTime:
                return entry.DataType == DataType.String ? ValueText.ToText(result.AsDateTime) : ConvertTo(entry, result.AsDateTime);
            default:
                return null;
        }
    }

    private static object? ConvertNumber(MappingEntry entry, decimal number)
    {
        if (entry.DataType == DataType.String) return DecimalText.ToCanonicalNumber(number);
        return ConvertTo(entry, number);
    }
}

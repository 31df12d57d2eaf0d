using XmlShred.Contract;
using XmlShred.Values;

namespace XmlShred.Mapping;

/// <summary>
/// Fits a mapped value to its column, once, so the writers only cast: integers and bits become <see cref="long"/>
/// within the column type's range (a decimal rounds half away from zero, as every integer conversion of the mapper
/// does), decimals are held at the column's scale within 18 digits, floats stay exact decimals, date-times lose any
/// zone, strings must fit the column's length; <c>""</c> is kept (every writer stores it as NULL). A value that cannot be fitted raises a
/// <see cref="ValueConversionException"/> naming the table, column and value.
/// </summary>
internal static class ColumnFit
{
    public const int MaxDecimalDigits = 18;

    public static object? Fit(string table, ColumnSpec column, object? value)
    {
        // "" stays: it is the mapper's "set but empty", which every writer stores as NULL.
        if (value is null || value is string { Length: 0 }) return value;
        return TryFit(column, value, out var fitted) ? fitted : throw new ValueConversionException(table, column.Name, value, TypeName(column));
    }

    /// <summary>The decimal scale of a column: its data_length when 0..18, else the default of 2.</summary>
    public static int Scale(ColumnSpec column) => column.DataLength is >= 0 and <= MaxDecimalDigits ? column.DataLength.Value : TypedValue.DefaultDecimalScale;

    private static bool TryFit(ColumnSpec column, object value, out object? fitted)
    {
        fitted = null;
        switch (column.DataType)
        {
            case DataType.Int or DataType.SmallInt or DataType.TinyInt or DataType.BigInt:
                if (TypedValue.ToInteger(value) is not long n || !InRange(column.DataType, n)) return false;
                fitted = n;
                return true;
            case DataType.Bit or DataType.Boolean:
                fitted = TypedValue.Generic(value, column.DataType);
                return fitted is long;
            case DataType.Decimal:
                if (TypedValue.ToDecimal(value, Scale(column)) is not decimal d || !FitsPrecision(d, Scale(column))) return false;
                fitted = d;
                return true;
            case DataType.Float:
                fitted = value is double ? value : TypedValue.Generic(value, DataType.Float);
                return fitted is not null;
            case DataType.DateTime or DataType.SmallDateTime or DataType.Date:
                if (TypedValue.Generic(value, column.DataType) is not DateTime t) return false;
                fitted = DateTime.SpecifyKind(t, DateTimeKind.Unspecified);
                return true;
            default:
                var text = ValueText.ToText(value);
                fitted = text;
                return column.DataLength is not > 0 || CodePoints(text) <= column.DataLength.Value;
        }
    }

    private static bool InRange(DataType type, long n) => type switch
    {
        DataType.Int => n is >= int.MinValue and <= int.MaxValue,
        DataType.SmallInt => n is >= short.MinValue and <= short.MaxValue,
        DataType.TinyInt => n is >= byte.MinValue and <= byte.MaxValue,
        _ => true,
    };

    private static bool FitsPrecision(decimal value, int scale) => Math.Abs(decimal.Truncate(value)) < Pow10(MaxDecimalDigits - scale);

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }

    private static int CodePoints(string text)
    {
        if (text.Length < 2) return text.Length;
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))) count++;
        }
        return count;
    }

    /// <summary>The column type as messages name it: <c>tinyint</c>, <c>decimal(18,2)</c>, <c>string(50)</c>.</summary>
    public static string TypeName(ColumnSpec column) => column.DataType switch
    {
        DataType.Decimal => $"decimal({MaxDecimalDigits},{Scale(column)})",
        DataType.String or DataType.Other when column.DataLength is > 0 => $"string({column.DataLength})",
        var type => type.ToString().ToLowerInvariant(),
    };
}

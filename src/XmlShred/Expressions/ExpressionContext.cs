using System.Collections.ObjectModel;

namespace XmlShred.Expressions;

/// <summary>
/// The names an expression can read (EXPR-10): an ordered map in which re-assigning a key keeps its position.
/// Values are converted to <see cref="ExprValue"/> once, on <see cref="Set"/>, so lookups during evaluation
/// neither allocate nor re-trim. Not thread-safe: use one per thread and <see cref="Clear"/> it between documents.
/// </summary>
public sealed class ExpressionContext
{
    private readonly List<string> _keys = [];
    private readonly List<object?> _rawValues = [];
    private readonly List<ExprValue> _values = [];
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    // Holds the FIRST key (in insertion order) of each case-insensitive spelling: EXPR-3 "first key in context order".
    private readonly Dictionary<string, int> _caseInsensitive = new(StringComparer.OrdinalIgnoreCase);

    public ExpressionContext()
    {
        Keys = new ReadOnlyCollection<string>(_keys);
    }

    public int Count => _keys.Count;

    /// <summary>The keys in insertion order.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>
    /// Adds the key at the end, or replaces the value of an existing key in place (EXPR-10).
    /// Values: string, decimal, long, int, DateTime or null; anything else (lists, dictionaries) reads as NULL.
    /// </summary>
    public void Set(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var converted = ToExprValue(value);
        if (_exact.TryGetValue(key, out var index))
        {
            _rawValues[index] = value;
            _values[index] = converted;
            return;
        }

        index = _keys.Count;
        _keys.Add(key);
        _rawValues.Add(value);
        _values.Add(converted);
        _exact.Add(key, index);
        _caseInsensitive.TryAdd(key, index);
    }

    /// <summary>The value as given to <see cref="Set"/>, found by the lookup rule of EXPR-3.</summary>
    public bool TryGetValue(string name, out object? value)
    {
        var index = IndexOf(name);
        value = index < 0 ? null : _rawValues[index];
        return index >= 0;
    }

    /// <summary>
    /// A field reference (EXPR-3): the exact key, else the first key equal case-insensitively; missing → NULL.
    /// Strings come back trimmed, blank ones as NULL.
    /// </summary>
    public ExprValue Resolve(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? ExprValue.Null : _values[index];
    }

    public void Clear()
    {
        _keys.Clear();
        _rawValues.Clear();
        _values.Clear();
        _exact.Clear();
        _caseInsensitive.Clear();
    }

    private int IndexOf(string name)
    {
        if (_exact.TryGetValue(name, out var index)) return index;
        return _caseInsensitive.TryGetValue(name, out index) ? index : -1;
    }

    private static ExprValue ToExprValue(object? value) => value switch
    {
        string text => FromText(text),
        decimal number => ExprValue.FromNumber(number),
        long number => ExprValue.FromNumber(number),
        int number => ExprValue.FromNumber(number),
        DateTime dateTime => ExprValue.FromDateTime(dateTime),
        _ => ExprValue.Null,
    };

    // EXPR-3: field strings are trimmed and a blank one is NULL. Trim returns the same instance when nothing changes.
    private static ExprValue FromText(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? ExprValue.Null : ExprValue.FromString(trimmed);
    }
}

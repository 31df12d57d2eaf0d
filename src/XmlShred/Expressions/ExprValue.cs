using XmlShred.Values;

namespace XmlShred.Expressions;

/// <summary>
/// One value of the expression language: NULL, String, Number (exact decimal), DateTime or Boolean.
/// A struct so evaluation does not allocate; a run-time error travels inside the evaluator as a hidden
/// "error" state that reports itself as NULL to everyone outside it.
/// </summary>
public readonly struct ExprValue
{
    private const byte ErrorTag = 5;

    private readonly string? _text;
    private readonly decimal _number;
    private readonly DateTime _dateTime;
    private readonly byte _tag;

    private ExprValue(byte tag, string? text = null, decimal number = 0m, DateTime dateTime = default)
    {
        _tag = tag;
        _text = text;
        _number = number;
        _dateTime = dateTime;
    }

    public static ExprValue Null => default;

    public static ExprValue True { get; } = new((byte)ExprKind.Boolean, number: 1m);

    public static ExprValue False { get; } = new((byte)ExprKind.Boolean, number: 0m);

    /// <summary>A run-time error (EXPR-8): the whole calculated value becomes NULL.</summary>
    internal static ExprValue Error { get; } = new(ErrorTag);

    public static ExprValue FromString(string? text) => text is null ? default : new((byte)ExprKind.String, text: text);

    public static ExprValue FromNumber(decimal number) => new((byte)ExprKind.Number, number: number);

    public static ExprValue FromDateTime(DateTime dateTime) => new((byte)ExprKind.DateTime, dateTime: dateTime);

    public static ExprValue FromBoolean(bool value) => value ? True : False;

    public ExprKind Kind => _tag == ErrorTag ? ExprKind.Null : (ExprKind)_tag;

    public bool IsNull => _tag is (byte)ExprKind.Null or ErrorTag;

    internal bool IsError => _tag == ErrorTag;

    // The As* accessors return the payload of their own kind and throw InvalidOperationException for any other.
    public string AsString => _tag == (byte)ExprKind.String ? _text! : throw WrongKind(ExprKind.String);

    public decimal AsNumber => _tag == (byte)ExprKind.Number ? _number : throw WrongKind(ExprKind.Number);

    public DateTime AsDateTime => _tag == (byte)ExprKind.DateTime ? _dateTime : throw WrongKind(ExprKind.DateTime);

    public bool AsBoolean => _tag == (byte)ExprKind.Boolean ? _number != 0m : throw WrongKind(ExprKind.Boolean);

    public override string ToString() => _tag switch
    {
        (byte)ExprKind.String => "'" + _text!.Replace("'", "''", StringComparison.Ordinal) + "'",
        (byte)ExprKind.Number => DecimalText.ToPlain(_number),
        (byte)ExprKind.DateTime => DateTimeText.ToCanonical(_dateTime),
        (byte)ExprKind.Boolean => _number != 0m ? "TRUE" : "FALSE",
        ErrorTag => "ERROR",
        _ => "NULL",
    };

    private InvalidOperationException WrongKind(ExprKind wanted) =>
        new($"The value is {Kind}, not {wanted}.");
}

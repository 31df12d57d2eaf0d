using XmlShred.Values;

namespace XmlShred.Contract;

/// <summary>
/// One compiled <c>mappings[]</c> entry (CONTRACT-2): path pre-split, tokens parsed, enum map resolved,
/// default typed and expression compiled once at load time.
/// </summary>
public sealed class MappingEntry
{
    /// <summary>0-based index in <c>mappings[]</c>; error messages cite it.</summary>
    public required int Index { get; init; }
    public required string XmlPath { get; init; }
    /// <summary>Element names of <see cref="XmlPath"/> from the root (empty segments removed).</summary>
    public required IReadOnlyList<string> PathSegments { get; init; }
    public string? XmlAttribute { get; init; }
    public required string TargetTable { get; init; }
    /// <summary>Empty for row-creating entries that need no column.</summary>
    public required string TargetColumn { get; init; }
    public required DataType DataType { get; init; }
    public required string DataTypeName { get; init; }
    public int? DataLength { get; init; }
    public required IReadOnlyList<MappingToken> Tokens
    {
        get => _tokens;
        init
        {
            _tokens = value;
            foreach (var token in value) TokenKinds |= token.Kind;
        }
    }

    private readonly IReadOnlyList<MappingToken> _tokens = [];

    /// <summary>Every known token kind the entry carries.</summary>
    public MappingTokenKind TokenKinds { get; private init; }

    /// <summary>Index of the contact element in <see cref="PathSegments"/>, or −1 (set at load; READ-4, READ-5).</summary>
    public int ContactSegment { get; init; } = -1;

    /// <summary>True when the entry has no mapping type besides row-creating tokens (CHAIN-1, KV-7).</summary>
    public bool IsPlain => (TokenKinds & ~MappingTokenKind.RowCreating) == 0 && AllTokensKnown;

    private bool AllTokensKnown
    {
        get
        {
            foreach (var token in _tokens)
            {
                if (token.Kind == MappingTokenKind.Unknown) return false;
            }
            return true;
        }
    }

    public bool Has(MappingTokenKind kind) => (TokenKinds & kind) != 0;
    public required bool Nullable { get; init; }
    /// <summary>The <c>default_value</c> as text (JSON numbers by their text DEFAULT-1); null when absent.</summary>
    public string? DefaultText { get; init; }
    /// <summary>The typed default (DEFAULT-1): the default converted to <see cref="DataType"/>; null when none.</summary>
    public object? TypedDefault { get; init; }
    public required bool ExcludeDefaultWhenRecordEmpty { get; init; }
    public string? ExpressionText { get; init; }
    /// <summary>The parsed expression of a calculated field (CONTRACT-9); null for other entries.</summary>
    public Expressions.CompiledExpression? Expression { get; init; }
    public string? EnumName { get; init; }
    /// <summary>The resolved enum map (ENUM-1), or null (an empty map counts as none).</summary>
    public EnumMap? EnumMap { get; init; }

    /// <summary><c>target_table.target_column</c>, the name contract errors use.</summary>
    public string Name => $"{TargetTable}.{TargetColumn}";

    /// <summary>The first token of kind <paramref name="kind"/>, or null (KV-1: only the first of a family is used).</summary>
    public MappingToken? FindToken(MappingTokenKind kind)
    {
        foreach (var token in Tokens)
        {
            if (token.Kind == kind) return token;
        }
        return null;
    }

    public override string ToString() => $"mappings[{Index}] {Name}";
}

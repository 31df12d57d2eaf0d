namespace XmlShred.Expressions.Parsing;

internal enum TokenKind
{
    EndOfInput,
    Number,
    String,
    /// <summary>A bare (possibly dotted) name that is not a keyword: a field, a function, a type or a date part.</summary>
    Name,
    /// <summary>A name written with <c>@</c>: always a field (EXPR-1).</summary>
    FieldName,
    LeftParen,
    RightParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Case,
    When,
    Then,
    Else,
    End,
    And,
    Or,
    Not,
    Is,
    Null,
    Like,
    In,
    Between,
    As,
}

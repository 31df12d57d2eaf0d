using System.Globalization;

namespace XmlShred.Expressions.Parsing;

/// <summary>Turns expression text into tokens (EXPR-1). Runs once per expression, at contract load.</summary>
internal static class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CASE"] = TokenKind.Case,
        ["WHEN"] = TokenKind.When,
        ["THEN"] = TokenKind.Then,
        ["ELSE"] = TokenKind.Else,
        ["END"] = TokenKind.End,
        ["AND"] = TokenKind.And,
        ["OR"] = TokenKind.Or,
        ["NOT"] = TokenKind.Not,
        ["IS"] = TokenKind.Is,
        ["NULL"] = TokenKind.Null,
        ["LIKE"] = TokenKind.Like,
        ["IN"] = TokenKind.In,
        ["BETWEEN"] = TokenKind.Between,
        ["AS"] = TokenKind.As,
    };

    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var pos = 0;
        while (true)
        {
            while (pos < source.Length && char.IsWhiteSpace(source[pos])) pos++;
            if (pos >= source.Length)
            {
                tokens.Add(new Token(TokenKind.EndOfInput, source.Length, 0));
                return tokens;
            }
            tokens.Add(Next(source, ref pos));
        }
    }

    private static Token Next(string source, ref int pos)
    {
        var start = pos;
        var c = source[pos];
        if (char.IsAsciiDigit(c) || (c == '.' && pos + 1 < source.Length && char.IsAsciiDigit(source[pos + 1])))
            return ReadNumber(source, ref pos);
        if (c == '\'') return ReadString(source, ref pos);
        if (c == '@' || IsNameStart(c)) return ReadName(source, ref pos);

        var next = pos + 1 < source.Length ? source[pos + 1] : '\0';
        var (kind, length) = c switch
        {
            '<' when next == '>' => (TokenKind.NotEqual, 2),
            '!' when next == '=' => (TokenKind.NotEqual, 2),
            '<' when next == '=' => (TokenKind.LessOrEqual, 2),
            '>' when next == '=' => (TokenKind.GreaterOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' => (TokenKind.Greater, 1),
            '=' => (TokenKind.Equal, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            ',' => (TokenKind.Comma, 1),
            _ => throw new ExpressionParseException($"unexpected character '{c}'", start),
        };
        pos += length;
        return new Token(kind, start, length);
    }

    // digits [ "." digits? ] | "." digits — unsigned, no exponent.
    private static Token ReadNumber(string source, ref int pos)
    {
        var start = pos;
        while (pos < source.Length && char.IsAsciiDigit(source[pos])) pos++;
        if (pos < source.Length && source[pos] == '.')
        {
            pos++;
            while (pos < source.Length && char.IsAsciiDigit(source[pos])) pos++;
        }
        var text = source.AsSpan(start, pos - start);
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            throw new ExpressionParseException($"number '{text}' is out of range", start);
        return new Token(TokenKind.Number, start, pos - start, Number: number);
    }

    // '...' with '' standing for one quote.
    private static Token ReadString(string source, ref int pos)
    {
        var start = pos;
        pos++;
        var builder = new System.Text.StringBuilder();
        while (true)
        {
            var close = source.IndexOf('\'', pos);
            if (close < 0) throw new ExpressionParseException("unterminated string", start);
            builder.Append(source, pos, close - pos);
            pos = close + 1;
            if (pos < source.Length && source[pos] == '\'')
            {
                builder.Append('\'');
                pos++;
                continue;
            }
            return new Token(TokenKind.String, start, pos - start, builder.ToString());
        }
    }

    // @? part ( "." part )*, part = letter-or-_ { letter | digit | _ }.
    private static Token ReadName(string source, ref int pos)
    {
        var start = pos;
        var isField = source[pos] == '@';
        if (isField)
        {
            pos++;
            if (pos >= source.Length || !IsNameStart(source[pos]))
                throw new ExpressionParseException("expected a name after '@'", start);
        }
        ReadNamePart(source, ref pos);
        while (pos + 1 < source.Length && source[pos] == '.' && IsNameStart(source[pos + 1]))
        {
            pos++;
            ReadNamePart(source, ref pos);
        }

        var nameStart = isField ? start + 1 : start;
        var name = source[nameStart..pos];
        if (!isField && Keywords.TryGetValue(name, out var keyword)) return new Token(keyword, start, pos - start, name);
        return new Token(isField ? TokenKind.FieldName : TokenKind.Name, start, pos - start, name);
    }

    private static void ReadNamePart(string source, ref int pos)
    {
        pos++;
        while (pos < source.Length && (char.IsLetterOrDigit(source[pos]) || source[pos] == '_')) pos++;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';
}

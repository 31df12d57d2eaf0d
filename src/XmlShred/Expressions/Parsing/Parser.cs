using XmlShred.Expressions.Nodes;
using XmlShred.Expressions.Semantics;

namespace XmlShred.Expressions.Parsing;

/// <summary>
/// Recursive descent over the grammar and precedence of EXPR-2, one method per rule.
/// Sub-expressions that read no field are evaluated here, once, and replaced by their value.
/// </summary>
internal sealed class Parser
{
    private static readonly ExpressionContext NoFields = new();

    /// <summary>
    /// Deepest nesting an expression may have: parentheses, function arguments, CASE parts, NOT and signs, and each
    /// operator of a chain (<c>a + b + c</c> nests two deep) count one level. Parsing and evaluation recurse once per
    /// level, so the limit keeps both far from the thread's stack size; real contracts nest fewer than 15.
    /// </summary>
    public const int MaxDepth = 100;

    private readonly string _source;
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private Parser(string source)
    {
        _source = source;
        _tokens = Lexer.Tokenize(source);
    }

    private Token Current => _tokens[_index];

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        var root = parser.ParseOr();
        parser.Expect(TokenKind.EndOfInput, "end of input");
        return root;
    }

    // or_expr = and_expr { "OR" and_expr }
    private Node ParseOr()
    {
        var entered = Enter();
        var left = ParseAnd();
        while (Accept(TokenKind.Or))
        {
            entered += Enter();
            left = Fold(new OrNode(left, ParseAnd()));
        }
        _depth -= entered;
        return left;
    }

    // and_expr = not_expr { "AND" not_expr }
    private Node ParseAnd()
    {
        var left = ParseNot();
        var entered = 0;
        while (Accept(TokenKind.And))
        {
            entered += Enter();
            left = Fold(new AndNode(left, ParseNot()));
        }
        _depth -= entered;
        return left;
    }

    // not_expr = "NOT" not_expr | predicate
    private Node ParseNot()
    {
        if (!Accept(TokenKind.Not)) return ParsePredicate();
        var entered = Enter();
        var node = Fold(new NotNode(ParseNot()));
        _depth -= entered;
        return node;
    }

    // predicate = additive [ comparison | like | in | between | is ]
    private Node ParsePredicate()
    {
        var left = ParseAdditive();
        if (TryComparisonOperator(Current.Kind, out var op))
        {
            _index++;
            return Fold(new ComparisonNode(op, left, ParseAdditive()));
        }

        var negated = false;
        if (Current.Kind == TokenKind.Not)
        {
            _index++;
            negated = true;
            if (Current.Kind is not (TokenKind.Like or TokenKind.In or TokenKind.Between))
                throw Unexpected("LIKE, IN or BETWEEN");
        }

        switch (Current.Kind)
        {
            case TokenKind.Like:
                _index++;
                return Fold(new LikeNode(left, ParseAdditive(), negated));
            case TokenKind.In:
                _index++;
                return Fold(new InNode(left, ParseInList(), negated));
            case TokenKind.Between:
                _index++;
                var low = ParseAdditive();
                Expect(TokenKind.And, "AND");
                return Fold(new BetweenNode(left, low, ParseAdditive(), negated));
            case TokenKind.Is:
                _index++;
                return Fold(ParseIs(left));
            default:
                return left;
        }
    }

    // "(" or_expr { "," or_expr } ")"
    private Node[] ParseInList()
    {
        Expect(TokenKind.LeftParen, "'('");
        var items = new List<Node> { ParseOr() };
        while (Accept(TokenKind.Comma)) items.Add(ParseOr());
        Expect(TokenKind.RightParen, "',' or ')'");
        return [.. items];
    }

    // is = "IS" [ "NOT" ] ( "NULL" | "EMPTY" )
    private IsNullNode ParseIs(Node operand)
    {
        var negated = Accept(TokenKind.Not);
        if (Accept(TokenKind.Null)) return new IsNullNode(operand, orBlank: false, negated);
        if (Current.IsSimpleName && string.Equals(Current.Text, "EMPTY", StringComparison.OrdinalIgnoreCase))
        {
            _index++;
            return new IsNullNode(operand, orBlank: true, negated);
        }
        throw Unexpected("NULL or EMPTY");
    }

    // additive = term { ( "+" | "-" ) term }
    private Node ParseAdditive()
    {
        var left = ParseTerm();
        var entered = 0;
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = _tokens[_index++].Kind == TokenKind.Plus ? ArithmeticOperator.Add : ArithmeticOperator.Subtract;
            entered += Enter();
            left = Fold(new ArithmeticNode(op, left, ParseTerm()));
        }
        _depth -= entered;
        return left;
    }

    // term = unary { ( "*" | "/" ) unary }
    private Node ParseTerm()
    {
        var left = ParseUnary();
        var entered = 0;
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = _tokens[_index++].Kind == TokenKind.Star ? ArithmeticOperator.Multiply : ArithmeticOperator.Divide;
            entered += Enter();
            left = Fold(new ArithmeticNode(op, left, ParseUnary()));
        }
        _depth -= entered;
        return left;
    }

    // unary = ( "-" | "+" ) unary | primary
    private Node ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var negate = _tokens[_index++].Kind == TokenKind.Minus;
            var entered = Enter();
            var node = Fold(new SignNode(negate, ParseUnary()));
            _depth -= entered;
            return node;
        }
        return ParsePrimary();
    }

    // primary = number | string | "NULL" | field | "(" or_expr ")" | case | call
    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new ConstantNode(ExprValue.FromNumber(token.Number));
            case TokenKind.String:
                _index++;
                return new ConstantNode(ExprValue.FromString(token.Text));
            case TokenKind.Null:
                _index++;
                return new ConstantNode(ExprValue.Null);
            case TokenKind.FieldName:
                _index++;
                return new FieldNode(token.Text!);
            case TokenKind.Name:
                _index++;
                return Current.Kind == TokenKind.LeftParen ? ParseCall(token) : new FieldNode(token.Text!);
            case TokenKind.LeftParen:
                _index++;
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.Case:
                _index++;
                return Fold(ParseCase());
            default:
                throw Unexpected("an expression");
        }
    }

    // case = "CASE" [ or_expr ] when { when } [ "ELSE" or_expr ] "END"; when = "WHEN" or_expr "THEN" or_expr
    private Node ParseCase()
    {
        var operand = Current.Kind == TokenKind.When ? null : ParseOr();
        var tests = new List<Node>();
        var results = new List<Node>();
        Expect(TokenKind.When, "WHEN");
        do
        {
            tests.Add(ParseOr());
            Expect(TokenKind.Then, "THEN");
            results.Add(ParseOr());
        }
        while (Accept(TokenKind.When));

        var otherwise = Accept(TokenKind.Else) ? ParseOr() : null;
        Expect(TokenKind.End, "END");
        return operand is null
            ? new SearchedCaseNode([.. tests], [.. results], otherwise)
            : new SimpleCaseNode(operand, [.. tests], [.. results], otherwise);
    }

    // call = CAST(...) | DATEADD/DATEDIFF(part, a, b) | function "(" [ or_expr { "," or_expr } ] ")"
    private Node ParseCall(Token name)
    {
        var functionName = name.Text!;
        if (functionName.Equals("CAST", StringComparison.OrdinalIgnoreCase)) return Fold(ParseCast());
        if (functionName.Equals("DATEADD", StringComparison.OrdinalIgnoreCase)) return Fold(ParseDatePartCall(name, isDifference: false));
        if (functionName.Equals("DATEDIFF", StringComparison.OrdinalIgnoreCase)) return Fold(ParseDatePartCall(name, isDifference: true));
        if (!FunctionCatalog.TryGet(functionName, out var function))
            throw new ExpressionParseException($"unknown function '{functionName}'", name.Position);

        Expect(TokenKind.LeftParen, "'('");
        var arguments = new List<Node>();
        if (!Accept(TokenKind.RightParen))
        {
            do arguments.Add(ParseOr());
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightParen, "',' or ')'");
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            throw new ExpressionParseException(
                $"{functionName.ToUpperInvariant()} takes {FunctionCatalog.DescribeArity(function)}, found {arguments.Count}", name.Position);
        }
        return Fold(function.Build([.. arguments]));
    }

    // "CAST" "(" or_expr "AS" type ")"; type = type_name [ "(" number [ "," number ] ")" ]
    private CastNode ParseCast()
    {
        Expect(TokenKind.LeftParen, "'('");
        var operand = ParseOr();
        Expect(TokenKind.As, "AS");
        var typeToken = Current;
        if (!typeToken.IsSimpleName) throw Unexpected("a type name");
        if (!CastTarget.TryGetKind(typeToken.Text!, out var kind))
            throw new ExpressionParseException($"unsupported CAST type '{typeToken.Text}'", typeToken.Position);
        _index++;

        int? first = null, second = null;
        if (Accept(TokenKind.LeftParen))
        {
            first = ExpectWholeNumber();
            if (Accept(TokenKind.Comma)) second = ExpectWholeNumber();
            Expect(TokenKind.RightParen, "')'");
        }
        Expect(TokenKind.RightParen, "')'");
        return new CastNode(operand, CastTarget.Create(kind, first, second));
    }

    // ( "DATEADD" | "DATEDIFF" ) "(" datepart "," or_expr "," or_expr ")"
    private Node ParseDatePartCall(Token name, bool isDifference)
    {
        Expect(TokenKind.LeftParen, "'('");
        var partToken = Current;
        if (!partToken.IsSimpleName && partToken.Kind != TokenKind.String) throw Unexpected("a date part");
        if (!DatePartNames.TryParse(partToken.Text!, out var part))
            throw new ExpressionParseException($"invalid date part '{partToken.Text}' for {name.Text!.ToUpperInvariant()}", partToken.Position);
        _index++;
        Expect(TokenKind.Comma, "','");
        var first = ParseOr();
        Expect(TokenKind.Comma, "','");
        var second = ParseOr();
        Expect(TokenKind.RightParen, "')'");
        return isDifference ? new DateDiffNode(part, first, second) : new DateAddNode(part, first, second);
    }

    private int ExpectWholeNumber()
    {
        var token = Current;
        if (token.Kind != TokenKind.Number || token.Number != decimal.Truncate(token.Number) || token.Number > int.MaxValue)
            throw Unexpected("a whole number");
        _index++;
        return (int)token.Number;
    }

    /// <summary>Replaces a sub-expression that reads no field (and not the clock) by its value.</summary>
    private static Node Fold(Node node) =>
        node.IsPure && node is not ConstantNode
            ? new ConstantNode(node.Evaluate(new EvaluationScope(NoFields, default)))
            : node;

    private static bool TryComparisonOperator(TokenKind kind, out ComparisonOperator op)
    {
        (var found, op) = kind switch
        {
            TokenKind.Equal => (true, ComparisonOperator.Equal),
            TokenKind.NotEqual => (true, ComparisonOperator.NotEqual),
            TokenKind.Less => (true, ComparisonOperator.Less),
            TokenKind.Greater => (true, ComparisonOperator.Greater),
            TokenKind.LessOrEqual => (true, ComparisonOperator.LessOrEqual),
            TokenKind.GreaterOrEqual => (true, ComparisonOperator.GreaterOrEqual),
            _ => (false, default),
        };
        return found;
    }

    /// <summary>One level deeper; throws a clear error past <see cref="MaxDepth"/> (never a stack overflow). Returns 1 for the caller to undo.</summary>
    private int Enter()
    {
        if (++_depth > MaxDepth)
            throw new ExpressionParseException($"the expression is nested deeper than the limit of {MaxDepth} levels (parentheses, calls, NOT, signs and operator chains count)", Current.Position);
        return 1;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        _index++;
        return true;
    }

    private void Expect(TokenKind kind, string description)
    {
        if (!Accept(kind)) throw Unexpected(description);
    }

    private ExpressionParseException Unexpected(string expected) =>
        new($"expected {expected}, found {Current.Describe(_source)}", Current.Position);
}

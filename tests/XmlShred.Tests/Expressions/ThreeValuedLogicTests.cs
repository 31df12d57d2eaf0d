namespace XmlShred.Tests.Expressions;

/// <summary>EXPR-4 three-valued logic; UNKNOWN shows as NULL.</summary>
public class ThreeValuedLogicTests
{
    [Theory]
    [InlineData("1 = 1 AND 1 = 1", "TRUE")]
    [InlineData("1 = 1 AND 1 = 0", "FALSE")]
    [InlineData("x = 1 AND 1 = 1", "NULL")]
    [InlineData("x = 1 AND 1 = 0", "FALSE")]
    [InlineData("1 = 0 AND x = 1", "FALSE")]
    [InlineData("x = 1 AND x = 1", "NULL")]
    [InlineData("1 = 1 OR x = 1", "TRUE")]
    [InlineData("x = 1 OR 1 = 1", "TRUE")]
    [InlineData("x = 1 OR 1 = 0", "NULL")]
    [InlineData("1 = 0 OR 1 = 0", "FALSE")]
    [InlineData("NOT x = 1", "NULL")]
    [InlineData("NOT 1 = 0", "TRUE")]
    public void Connectives_FollowKleeneLogic(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    // The right side is not evaluated when the left side decides: a run-time error there does not surface.
    [Theory]
    [InlineData("1 = 0 AND CAST('x' AS int) = 1", "FALSE")]
    [InlineData("1 = 1 OR CAST('x' AS int) = 1", "TRUE")]
    [InlineData("1 = 1 AND CAST('x' AS int) = 1", "NULL")]
    public void Connectives_ShortCircuit(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    // A non-Boolean condition: NULL → UNKNOWN, a number or numeric string → TRUE if non-zero, else a run-time error.
    [Theory]
    [InlineData("1", "'yes'")]
    [InlineData("0", "'no'")]
    [InlineData("-2.5", "'yes'")]
    [InlineData("0.00", "'no'")]
    [InlineData("", "'no'")]
    [InlineData("abc", "NULL")]
    public void Conditions_AcceptNumbersAndNumericStrings(string x, string expected) =>
        Assert.Equal(expected, Expr.Run("CASE WHEN x THEN 'yes' ELSE 'no' END", ("x", x)));

    [Theory]
    [InlineData("x IS NULL", "TRUE")]
    [InlineData("x IS NOT NULL", "FALSE")]
    [InlineData("x IS EMPTY", "TRUE")]
    [InlineData("'' IS NULL", "FALSE")] // a literal is not trimmed and not NULL
    [InlineData("'  ' IS EMPTY", "TRUE")]
    [InlineData("'a' IS NOT EMPTY", "TRUE")]
    [InlineData("0 IS EMPTY", "FALSE")]
    [InlineData("NULL IS NULL", "TRUE")]
    public void IsNullAndIsEmpty_AreNeverUnknown(string text, string expected) => Assert.Equal(expected, Expr.Run(text));

    [Theory]
    [InlineData("5 BETWEEN NULL AND 3", "FALSE")] // UNKNOWN AND FALSE
    [InlineData("5 BETWEEN NULL AND 10", "NULL")] // UNKNOWN AND TRUE
    [InlineData("5 BETWEEN 10 AND NULL", "FALSE")]
    [InlineData("5 NOT BETWEEN NULL AND 10", "NULL")]
    [InlineData("x IN (1, 2)", "NULL")]
    [InlineData("x NOT IN (1, 2)", "NULL")]
    [InlineData("1 IN (NULL, 1)", "TRUE")]
    [InlineData("3 NOT IN (NULL, 1)", "NULL")]
    [InlineData("3 NOT IN (2, 1)", "TRUE")]
    public void BetweenAndIn_AreThreeValued(string text, string expected) => Assert.Equal(expected, Expr.Run(text));
}

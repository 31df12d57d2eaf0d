namespace XmlShred.Tests.Mapping;

/// <summary>From input to column value: plain entries and chains (CHAIN-1, CHAIN-2), the tokens (TOKEN-1 to TOKEN-12), conversions (VALUE-1 to VALUE-7).</summary>
public class TransformTests
{
    /// <summary>Maps attribute <c>v</c> of the application element into loan.col; "k" keeps the row alive.</summary>
    private static object? One(string value, string type = "string", string? mt = null, int? length = null, string? dflt = null)
    {
        var c = new TestContract().AppId()
            .Add("loan", "k", TestContract.App, "k")
            .Add("loan", "col", TestContract.App, "v", type, mt: mt, length: length, nullable: true, dflt: dflt);
        var attr = value is null ? "" : $"v=\"{value}\"";
        return c.Map(Doc.Xml(appAttrs: $"k=\"1\" {attr}")).Single("loan").Get("col");
    }

    [Theory] // CHAIN-1, VALUE-2: plain integer grammar, half away from zero
    [InlineData("-5", -5L)]
    [InlineData("1,234", 1234L)]
    [InlineData("1,2345", 12345L)]
    [InlineData("36.50", 37L)]
    [InlineData("2.5", 3L)]
    [InlineData("-2.5", -3L)]
    [InlineData("+7", 7L)]
    [InlineData(".5", 1L)]
    [InlineData(" 42 ", 42L)]
    public void PlainIntegerColumns_AcceptSignsCommasAndFractions_RoundingHalfAwayFromZero(string input, long expected) => Assert.Equal(expected, One(input, "int"));

    [Theory] // VALUE-2: everything else → null
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("$5")]
    [InlineData("12abc")]
    [InlineData("1,,2")]
    [InlineData(",1")]
    public void PlainIntegerColumns_RejectEverythingElse(string input) => Assert.Null(One(input, "smallint"));

    [Theory] // VALUE-4: decimals at data_length, half away from zero; scale carried
    [InlineData("2.675", 2, "2.68")]
    [InlineData("-1.005", 2, "-1.01")]
    [InlineData("0.1432197654", 5, "0.14322")]
    [InlineData("1e3", 2, "1000.00")]
    [InlineData("1_000", 0, "1000")]
    [InlineData("10", 3, "10.000")]
    public void Decimals_AreRoundedHalfAwayFromZeroToDataLength(string input, int scale, string expected)
    {
        var v = Assert.IsType<decimal>(One(input, "decimal", length: scale));
        Assert.Equal(expected, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory] // VALUE-4: non-numeric decimals → null
    [InlineData("1,234.5")]
    [InlineData("N/A")]
    [InlineData("$5")]
    [InlineData("NaN")]
    public void NonNumericDecimals_AreNull(string input) => Assert.Null(One(input, "decimal", length: 2));

    [Fact] // VALUE-4: decimal without data_length → scale 2
    public void Decimal_DefaultScaleIsTwo() =>
        Assert.Equal("3.00", Assert.IsType<decimal>(One("3", "decimal")).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory] // VALUE-5 date grammar
    [InlineData("2015-11-5 9:2:34.689", "2015-11-05T09:02:34.6890000")]
    [InlineData("2024-8-8 8:08:88.008", "2024-08-08T08:08:59.0080000")]
    [InlineData("4/2/2020 5:53:20 pm", "2020-04-02T17:53:20.0000000")]
    [InlineData("4/2/2020 5:53 PM", "2020-04-02T17:53:00.0000000")]
    [InlineData("2023-10-03T16:26:23Z", "2023-10-03T16:26:23.0000000")]
    [InlineData("2023-10-03T16:26:23-0500", "2023-10-03T16:26:23.0000000")]
    [InlineData("2023-10-03 16:26:23.1234567", "2023-10-03T16:26:23.1234560")]
    [InlineData(" 2023-10-03 ", "2023-10-03T00:00:00.0000000")]
    [InlineData("12/1/2020 12:00 AM", "2020-12-01T00:00:00.0000000")]
    public void DateGrammar_AcceptsIsoAndMonthFirstFormsWithOptionalTime(string input, string expected)
    {
        var v = Assert.IsType<DateTime>(One(input, "datetime"));
        Assert.Equal(expected, v.ToString("o"));
    }

    [Theory] // VALUE-5: rejected forms
    [InlineData("14/12/1988")]
    [InlineData("12/31/99")]
    [InlineData("20231003")]
    [InlineData("2023/10/03")]
    [InlineData("Oct 3 2023")]
    [InlineData("2023-13-01")]
    [InlineData("2023-02-30")]
    [InlineData("1/2/2020 13:00 PM")]
    [InlineData("2023-10-03 24:00")]
    public void DateGrammar_RejectsEveryOtherForm(string input) => Assert.Null(One(input, "date"));

    [Theory] // VALUE-6: generic bit
    [InlineData("yes", 1L)]
    [InlineData("T", 1L)]
    [InlineData("f", 0L)]
    [InlineData("2", 1L)]
    [InlineData("0.0", 0L)]
    public void Bit_Generic(string input, long expected) => Assert.Equal(expected, One(input, "bit"));

    [Fact]
    public void Bit_GenericUnknown_IsNull() => Assert.Null(One("maybe", "bit"));

    [Theory] // TOKEN-5: numbers_only keeps a digit string; integer columns parse it
    [InlineData("01234", "string", 5, "01234")]
    [InlineData("666-88-3333", "string", 9, "666883333")]
    [InlineData("(801) 555-0100 x99", "string", 10, "8015550100")]
    public void NumbersOnly_KeepsADigitString_LeadingZerosIncluded(string input, string type, int length, string expected) =>
        Assert.Equal(expected, One(input, type, "numbers_only", length));

    [Fact] // TOKEN-5
    public void NumbersOnly_IntoAnIntegerColumn_ParsesTheDigits() => Assert.Equal(1234L, One("01234", "int", "numbers_only"));

    [Fact] // TOKEN-5: no digits → null, chain breaks → typed default (via DEFAULT-2 … nullable here so blank-guard/default path)
    public void NumbersOnly_NoDigits_IsNull() => Assert.Null(One("abc", "string", "numbers_only", 5));

    [Fact] // TOKEN-5 blank-guard: blank input to numbers_only gives the typed default
    public void NumbersOnly_BlankGivesTypedDefault() => Assert.Equal("000000000", One("  ", "string", "numbers_only", 9, "000000000"));

    [Theory] // TOKEN-6: extract_numeric takes the first numeric token
    [InlineData("12.50", "decimal", 2, "12.50")]
    [InlineData("approx -1,234.5 USD", "decimal", 1, "-1234.5")]
    [InlineData("abc 7 and 9", "decimal", 0, "7")]
    public void ExtractNumeric_TakesTheFirstNumberInTheText(string input, string type, int length, string expected) =>
        Assert.Equal(expected, Assert.IsType<decimal>(One(input, type, "extract_numeric", length)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact] // TOKEN-5 integer columns round half away from zero
    public void ExtractNumeric_IntoAnIntegerColumn_RoundsHalfAwayFromZero() => Assert.Equal(13L, One("about 12.5 units", "int", "extract_numeric"));

    [Fact]
    public void ExtractNumeric_WithoutANumber_IsNull() => Assert.Null(One("abc", "int", "extract_numeric"));

    [Theory] // VALUE-7: trim before truncate
    [InlineData("  abc  ", 2, "ab")]
    [InlineData("ab cd", 3, "ab")]
    [InlineData("  123456789", 9, "123456789")]
    public void Text_IsTrimmedBeforeItIsTruncated(string input, int length, string expected) => Assert.Equal(expected, One(input, length: length));

    [Fact] // VALUE-7: -1 means no limit
    public void DataLengthMinusOne_MeansNoLimit()
    {
        var s = new string('Q', 227) + "=";
        Assert.Equal(s, One(s, length: -1));
    }

    [Fact] // VALUE-7: lengths count code points; a surrogate pair is never split
    public void Truncation_CountsCodePoints()
    {
        Assert.Equal("a\U0001F600", One("a\U0001F600bc", length: 2));
        Assert.Equal("\U0001F600", One("\U0001F600\U0001F600", length: 1));
    }

    [Theory] // TOKEN-3 char_to_bit: exact, then upper-cased; unknown → 0
    [InlineData("Y", 1L)]
    [InlineData("y", 1L)]
    [InlineData("yes", 0L)]
    [InlineData("N", 0L)]
    public void CharToBit(string input, long expected) => Assert.Equal(expected, One(input, "bit", "char_to_bit"));

    [Theory] // TOKEN-4 boolean_to_bit: lower-cased lookup; unknown → 0
    [InlineData("TRUE", 1L)]
    [InlineData(" Yes ", 1L)]
    [InlineData("maybe", 0L)]
    public void BooleanToBit(string input, long expected) => Assert.Equal(expected, One(input, "bit", "boolean_to_bit"));

    [Theory] // TOKEN-1: calculated numbers → canonical text for string columns; decimals at data_length (VALUE-4)
    [InlineData("12.50", "string", null, "12.5")]
    [InlineData("5", "string", null, "5")]
    [InlineData("7 / 2", "string", null, "3.5")]
    public void Calculated_StringCanonical(string expr, string type, int? length, string expected)
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "calc", TestContract.App, null, type, mt: "calculated_field", length: length, nullable: true, expression: expr);
        Assert.Equal(expected, c.Map(Doc.Xml(appAttrs: "k=\"1\"")).Single("loan")["calc"]);
    }

    [Fact] // VALUE-4: calc 1.23456 at scale 3 → 1.235
    public void CalculatedDecimal_IsRoundedToDataLength()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "calc", TestContract.App, null, "decimal", mt: "calculated_field", length: 3, nullable: true, expression: "1.23456");
        Assert.Equal("1.235", ((decimal)c.Map(Doc.Xml(appAttrs: "k=\"1\"")).Single("loan")["calc"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact] // TOKEN-1: expression reads application attributes; a bare predicate → 1/0; division by zero → null
    public void Calculated_ContextAndPredicates()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "pos", TestContract.App, null, "int", mt: "calculated_field", nullable: true, expression: "x > 0")
            .Add("loan", "dz", TestContract.App, null, "int", mt: "calculated_field", nullable: true, expression: "x / 0")
            .Add("loan", "twice", TestContract.App, null, "int", mt: "calculated_field", nullable: true, expression: "x * 2");
        var row = c.Map(Doc.Xml(appAttrs: "k=\"1\" x=\"-5\"")).Single("loan");
        Assert.Equal(0L, row["pos"]);
        Assert.Null(row.Get("dz"));
        Assert.Equal(-10L, row["twice"]);
    }

    [Fact] // TOKEN-3: without a char_to_bit map every input converts to 0
    public void CharToBit_NoMap_IsZero()
    {
        var c = new TestContract { Bits = null }.AppId().Add("loan", "k", TestContract.App, "k").Add("loan", "f", TestContract.App, "f", "bit", mt: "char_to_bit");
        Assert.Equal(0L, c.Map(Doc.Xml(appAttrs: "k=\"1\" f=\"Y\"")).Single("loan")["f"]);
    }

    [Fact] // TOKEN-12 default_getutcdate_if_null and GETUTCDATE use the injected clock
    public void UtcNow_FromOptions()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "d", TestContract.App, "d", "datetime", mt: "default_getutcdate_if_null", nullable: true)
            .Add("loan", "g", TestContract.App, null, "datetime", mt: "calculated_field", nullable: true, expression: "GETUTCDATE()");
        var row = c.Map(Doc.Xml(appAttrs: "k=\"1\"")).Single("loan");
        Assert.Equal(Fixed.Now, row["d"]);
        Assert.Equal(Fixed.Now, row["g"]);
    }

    [Theory] // EXPR-1 to EXPR-10 examples through calculated fields
    [InlineData("CASE WHEN x LIKE 'a.c' THEN 'like' ELSE 'no' END", "string", "no")]
    [InlineData("CASE x WHEN 'a' THEN 'one' WHEN 'ABC' THEN 'two' END", "string", "two")]
    [InlineData("COALESCE(@nick, fn, 'n/a')", "string", "Al")]
    [InlineData("CASE WHEN '10' > '9' THEN 'gt' ELSE 'le' END", "string", "le")]
    [InlineData("application.x + '-' + X", "string", "abc-abc")]
    public void Expressions_Examples(string expr, string type, string expected)
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "e", TestContract.App, null, type, mt: "calculated_field", nullable: true, expression: expr);
        Assert.Equal(expected, c.Map(Doc.Xml(appAttrs: "k=\"1\" x=\"abc\" fn=\" Al \"")).Single("loan")["e"]);
    }

    [Fact] // EXPR-9 DATEADD keeps time of day; DATEDIFF counts boundaries
    public void Expressions_Dates()
    {
        var c = new TestContract().AppId().Add("loan", "k", TestContract.App, "k")
            .Add("loan", "c", TestContract.App, null, "datetime", mt: "calculated_field", nullable: true, expression: "DATEADD(day, 30, d)")
            .Add("loan", "n", TestContract.App, null, "int", mt: "calculated_field", nullable: true, expression: "DATEDIFF(month, '2024-01-31', '2024-02-01')");
        var row = c.Map(Doc.Xml(appAttrs: "k=\"1\" d=\"01/15/2024 10:00\"")).Single("loan");
        Assert.Equal(new DateTime(2024, 2, 14, 10, 0, 0), row["c"]);
        Assert.Equal(1L, row["n"]);
    }
}

using XmlShred.Mapping;

namespace XmlShred.Tests.Mapping;

/// <summary>Pre-processing validation: the application id (REJECT-2, VALUE-9), the application element (REJECT-3), both reported (REJECT-4).</summary>
public class ValidationTests
{
    private static TestContract C(string appElement = "application")
    {
        var c = new TestContract { ApplicationElement = appElement }.AppId();
        return c.Add("loan", "x", "/Provenir/Request/CustData/" + appElement, "x", nullable: true);
    }

    private static string Xml(string requestAttrs, string app = "application") =>
        $"<Provenir><Request {requestAttrs}><CustData><{app} x=\"1\"/></CustData></Request></Provenir>";

    [Theory] // REJECT-2, VALUE-9: valid ids normalized to Int
    [InlineData(" 0777 ", 777L)]
    [InlineData("999999999", 999999999L)]
    public void ValidApplicationIds_AreNormalizedToIntegers(string id, long expected)
    {
        var r = C().Map(Xml($"ID=\"{id}\""));
        Assert.Equal(MappingOutcome.Mapped, r.Outcome);
        Assert.Equal(expected, r.AppId);
        Assert.Equal(expected, r.Single("loan")["app_id"]);
        Assert.Equal(expected, r.Single("app_base")["app_id"]);
    }

    [Theory] // REJECT-2: missing / empty / lower-case attribute name
    [InlineData("")]
    [InlineData("ID=\"  \"")]
    [InlineData("id=\"5\"")]
    public void MissingOrBlankOrLowerCaseId_IsRejected(string attrs)
    {
        var r = C().Map(Xml(attrs));
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.Equal("validation", r.FailureStage);
        Assert.Contains("CRITICAL: Missing app_id (/Provenir/Request/@ID)", r.Reason);
        Assert.Null(r.AppId);
    }

    [Theory] // REJECT-2, VALUE-9: format
    [InlineData("+5")]
    [InlineData("1_000")]
    [InlineData("5a")]
    [InlineData("-1")]
    public void ApplicationIdNotAsciiDigits_IsRejected(string id)
    {
        var r = C().Map(Xml($"ID=\"{id}\""));
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.Contains($"CRITICAL: Invalid app_id format: {id} (must be integer)", r.Reason);
    }

    [Theory] // REJECT-2: value range
    [InlineData("0")]
    [InlineData("1000000000")]
    public void ApplicationIdOutOfRange_IsRejected(string id)
    {
        var r = C().Map(Xml($"ID=\"{id}\""));
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.Contains($"CRITICAL: Invalid app_id value: {id} (must be positive integer", r.Reason);
    }

    [Fact] // REJECT-3: other product's application element
    public void OtherProductsApplicationElement_IsRejectedNamingBoth()
    {
        var r = C().Map(Xml("ID=\"1\"", "IL_application"));
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        // OUTPUT-7: the reason text is not compared; it must name the rule, the expected and the found element.
        Assert.StartsWith("Wrong product line", r.Reason);
        Assert.Contains("/Provenir/Request/CustData/application", r.Reason);
        Assert.Contains("/IL_application", r.Reason);
    }

    [Fact] // REJECT-3: missing application element (neutral name in the contract)
    public void MissingApplicationElement_IsRejectedNamingTheExpectedOne()
    {
        var r = C("loan_app").Map(Xml("ID=\"1\"", "other"));
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.Contains("/Provenir/Request/CustData/loan_app", r.Reason);
        var r2 = C("loan_app").Map("<Provenir><Request ID=\"1\"><CustData/></Request></Provenir>");
        Assert.StartsWith("Missing required application element: /Provenir/Request/CustData/loan_app", r2.Reason);
    }

    [Fact] // REJECT-3 with a neutral source_application_table maps fine
    public void ContractWithAnotherApplicationElementName_MapsDocumentsThatHaveIt()
    {
        var r = C("loan_app").Map(Xml("ID=\"3\"", "loan_app"));
        Assert.Equal("1", r.Single("loan")["x"]);
    }

    [Fact] // REJECT-2, REJECT-3 are both reported
    public void BadIdAndMissingApplicationElement_AreBothReported()
    {
        var r = C().Map(Xml("ID=\"+5\"", "other"));
        Assert.Equal(MappingOutcome.Rejected, r.Outcome);
        Assert.Contains("Invalid app_id format: +5", r.Reason);
        Assert.Contains("/Provenir/Request/CustData/application", r.Reason);
    }

    [Fact] // REJECT-5: no valid contacts is not an error; application tables are still produced
    public void NoValidContacts_NotAnError()
    {
        var c = C().Add("app_contact_base", "first_name", TestContract.Person, "first_name");
        var r = c.Map(Doc.Xml("<person con_id=\"x\" role=\"PR\" first_name=\"A\"/>", appAttrs: "x=\"v\""));
        Assert.Equal(MappingOutcome.Mapped, r.Outcome);
        Assert.Equal("v", r.Single("loan")["x"]);
        Assert.False(r.Has("app_contact_base"));
    }
}

namespace XmlShred.Synthetic;

/// <summary>
/// Writes one synthetic credit-card application for the example contract (examples/contract.json):
/// Provenir / Request / CustData / application with 1–4 contacts, the product sections the contract maps,
/// then bureau tradelines and journal entries as unmapped bulk until the target size is reached.
/// </summary>
internal sealed partial class DocumentWriter
{
    private readonly Random _rng;
    private readonly long _appId;
    private readonly int _targetBytes;
    private readonly XmlText _xml;
    private readonly DateTime _received;

    public DocumentWriter(Random rng, long appId, int targetBytes)
    {
        _rng = rng;
        _appId = appId;
        _targetBytes = targetBytes;
        _xml = new XmlText(targetBytes + 4096);
        _received = new DateTime(2019, 1, 1).AddMinutes(rng.Next(0, 60 * 24 * 365 * 7)).AddMilliseconds(rng.Next(1000));
    }

    public string Write(DocumentShape shape)
    {
        _xml.Raw(shape.Prolog);
        _xml.Start("Provenir").Attr("Version", "4.1").Attr("product", "AURORA_CARD").Attr("bank", "Demo Bank").Open();
        var request = _xml.Start("Request");
        if (shape.IdAttributeName is not null) request.Attr(shape.IdAttributeName, shape.IdValue ?? "");
        request.Attr("Workflow", "CARD_STD").Attr("Process", _rng.Next(1, 9) * 1000).Attr("Priority", "").Open();
        _xml.Start("CustData").Open();
        WriteApplication(shape.ApplicationElement);
        _xml.End("CustData");
        WriteJournals();
        _xml.End("Request");
        _xml.End("Provenir");
        return _xml.ToString();
    }

    private void WriteApplication(string elementName)
    {
        var app = _xml.Start(elementName)
            .Attr("app_receive_date", FakeData.Date(_rng, _received, withTime: _rng.Chance(0.6)))
            .Attr("app_entry_date", _rng.Chance(0.7) ? FakeData.Date(_rng, _received.AddHours(_rng.Next(0, 72)), withTime: true) : "")
            .Attr("product_line", _rng.Chance(0.85) ? "" : "CARD")
            .Attr("channel_code", _rng.Weighted(("WEB", 50), ("web", 5), ("MAIL", 15), ("BRANCH", 12), ("PHONE", 10), ("KIOSK", 3), ("", 5)))
            .Attr("promo_code", _rng.Weighted(("BT0-12", 20), ("CASH2", 15), ("STD1", 25), ("", 35), ("bt0-15", 5)))
            .Attr("requested_limit", RequestedLimit())
            .Attr("signature_ind", _rng.Weighted(("Y", 70), ("N", 10), ("y", 5), ("", 15)))
            .Attr("esign_consent_ind", _rng.Weighted(("Y", 60), ("N", 20), ("T", 5), ("", 15)))
            .Attr("population_code", _rng.Weighted(("CTRL", 50), ("TEST_A", 20), ("test_b", 5), ("TEST_B", 10), ("ZZ", 5), ("", 10)))
            .Attr("device_token", _rng.Chance(0.8) ? FakeData.Token(_rng, _rng.Next(180, 420)) : "");
        app.Open();
        WriteContacts();
        WriteCardProduct();
        WriteOffer();
        WriteRiskScores();
        WriteRiskFlags();
        WriteFraudCheck();
        if (_rng.Chance(0.3)) WritePolicyOverride();
        if (_rng.Chance(0.45)) WriteProtection();
        if (_rng.Chance(0.25)) WritePledge();
        WriteBureauReports();
        _xml.End(elementName);
    }

    private string RequestedLimit()
    {
        if (_rng.Chance(0.1)) return "";
        var amount = _rng.Next(5, 101) * 100m;
        return _rng.Chance(0.1) ? $"approx {amount:#,##0} USD" : FakeData.Money(_rng, amount);
    }

    /// <summary>Bytes still to fill before the closing tags, keeping a margin for them.</summary>
    private int Remaining => _targetBytes - _xml.Length - 512;
}

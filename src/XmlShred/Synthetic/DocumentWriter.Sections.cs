namespace XmlShred.Synthetic;

internal sealed partial class DocumentWriter
{
    private void WriteCardProduct()
    {
        var decision = _rng.Weighted(("APPRV", 55), ("apprv", 3), ("DECLN", 25), ("PEND", 8), ("REFER", 4), ("", 5));
        var approved = decision.Equals("APPRV", StringComparison.OrdinalIgnoreCase);
        _xml.Start("card_product")
            .Attr("decision_code", decision)
            .Attr("decision_date", FakeData.Date(_rng, _received.AddMinutes(_rng.Next(1, 4000)), withTime: true))
            .Attr("credit_limit", approved ? FakeData.Money(_rng, _rng.Next(3, 151) * 100m) : _rng.Chance(0.5) ? "0" : "")
            .Attr("annual_fee", _rng.Weighted(("0", 50), ("39.00", 15), ("95", 10), ("N/A", 5), ("", 20)))
            .Attr("autopay_ind", _rng.Weighted(("true", 30), ("false", 40), ("1", 5), ("", 25)))
            .Empty();
    }

    private void WriteOffer()
    {
        if (_rng.Chance(0.15))
        {
            // an offer element with nothing in it: its defaults are conditional, so no offer row survives on them
            _xml.Start("offer").Attr("offer_code", "").Attr("apr", "").Empty();
            return;
        }
        var apr = 14.99m + (_rng.Next(0, 15) * 1m);
        _xml.Start("offer")
            .Attr("offer_code", $"AUR-{_rng.Next(100, 999)}")
            .Attr("apr", _rng.Chance(0.05) ? $"{apr}%" : apr.ToString("0.00"))
            .Attr("intro_apr", _rng.Chance(0.4) ? "0.00" : "")
            .Attr("expires", FakeData.Date(_rng, _received.Date.AddDays(_rng.Next(30, 120)), withTime: false))
            .Empty();
    }

    /// <summary>Rescoring appends a new element: the contract reads the last one (Path Map, XML-4).</summary>
    private void WriteRiskScores()
    {
        var rescore = _rng.Weighted(("1", 70), ("2", 22), ("3", 8))[0] - '0';
        for (var i = 0; i < rescore; i++)
        {
            var vantage = _rng.Next(480, 851);
            var noVantage = _rng.Chance(0.08);
            // the last (mapped) element always carries one score, so every application has a scores row
            var noFico = (!noVantage || i < rescore - 1) && _rng.Chance(0.3);
            _xml.Start("risk_scores")
                .Attr("scored_at", FakeData.Date(_rng, _received.AddMinutes(i * 37), withTime: true))
                .Attr("vantage4", noVantage ? "" : vantage.ToString())
                .Attr("fico9", noFico ? "" : (vantage + _rng.Next(-40, 41)).ToString(_rng.Chance(0.1) ? "0.00" : "0"))
                .Empty();
        }
    }

    private void WriteRiskFlags()
    {
        _xml.Start("risk_flags")
            .Attr("fraud_alert", _rng.Weighted(("N", 80), ("Y", 6), ("yes", 2), ("", 12)))
            .Attr("thin_file", _rng.Weighted(("N", 60), ("Y", 20), ("true", 5), ("0", 5), ("", 10)))
            .Attr("ofac_review", _rng.Weighted(("N", 90), ("Y", 2), ("", 8)))
            .Empty();
    }

    private void WriteFraudCheck() =>
        _xml.Start("fraud_check")
            .Attr("device_risk", _rng.Weighted(("LOW", 60), ("MEDIUM", 20), ("HIGH", 5), ("None", 5), ("", 10)))
            .Attr("checked_at", FakeData.Date(_rng, _received.AddSeconds(_rng.Next(5, 300)), withTime: true))
            .Empty();

    private void WritePolicyOverride() =>
        _xml.Start("policy_override")
            .Attr("credit_reason", _rng.Weighted(("CR12", 40), ("CR07", 20), ("", 40)))
            .Attr("capacity_reason", _rng.Weighted(("DTI45", 30), ("INC2", 20), ("", 50)))
            .Attr("override_notes", _rng.Weighted(("Long relationship customer; manager approved.", 40), ("per underwriter review", 30), ("", 30)))
            .Attr("officer_code", _rng.Next(1000, 9999))
            .Empty();

    /// <summary>Card protection products: payment protection (slot 800) and purchase protection (slot 801).</summary>
    private void WriteProtection()
    {
        var withPayment = _rng.Chance(0.8);
        _xml.Start("protection")
            .Attr("pp_company", withPayment ? _rng.Weighted(("Demo Assurance Co", 70), ("Harbor Mutual", 30)) : "")
            .Attr("pp_monthly_cost", withPayment ? _rng.Weighted(("12.99", 40), ("8.5", 30), ("1,000.5", 5), ("", 25)) : "")
            .Attr("pp_term", withPayment ? _rng.Weighted(("12", 40), ("24", 30), ("abc", 5), ("", 25)) : "")
            .Attr("pp_enrolled", _rng.Weighted(("Y", 50), ("N", 30), ("", 20)))
            .Attr("pu_company", _rng.Chance(0.5) ? "Cardholder Shield" : "")
            .Attr("pu_monthly_cost", _rng.Chance(0.5) ? "4.95" : "")
            .Empty();
    }

    /// <summary>Secured cards: one or two pledged deposits (collateral slots 1 and 2).</summary>
    private void WritePledge()
    {
        var pledge = _xml.Start("pledge");
        WritePledgeSlot(pledge, "p1");
        if (_rng.Chance(0.35)) WritePledgeSlot(pledge, "p2");
        else pledge.Attr("p2_institution", "").Attr("p2_amount", "0");
        pledge.Empty();
    }

    private void WritePledgeSlot(XmlText pledge, string prefix) =>
        pledge.Attr(prefix + "_kind", _rng.Weighted(("SAVINGS", 45), ("CD", 25), ("share cd", 10), ("MONEY_MARKET", 20)))
            .Attr(prefix + "_institution", _rng.Weighted(("Demo Bank", 50), ("Granite Credit Union", 30), ("", 20)))
            .Attr(prefix + "_amount", FakeData.Money(_rng, _rng.Next(2, 50) * 100m))
            .Attr(prefix + "_account", $"xxxx-{_rng.Next(0, 10000):D4}")
            .Attr(prefix + "_hold", _rng.Weighted(("Y", 70), ("N", 20), ("", 10)));
}

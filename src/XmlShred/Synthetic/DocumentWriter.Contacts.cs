namespace XmlShred.Synthetic;

internal sealed partial class DocumentWriter
{
    /// <summary>
    /// 1–4 applicants: the primary first, then authorized users or joint applicants. con_id = app_id*10+k, so ids
    /// never collide across applications. A few contacts are sparse (no name, SSN or birth date): invalid on purpose.
    /// </summary>
    private void WriteContacts()
    {
        var count = _rng.Weighted(("1", 45), ("2", 35), ("3", 13), ("4", 7))[0] - '0';
        for (var k = 1; k <= count; k++)
        {
            var role = k == 1 ? "PR" : _rng.Chance(0.6) ? "AUTHU" : "JOINT";
            WriteContact(_appId * 10 + k, role, sparse: k > 1 && _rng.Chance(0.04));
        }
    }

    private void WriteContact(long conId, string role, bool sparse)
    {
        var first = _rng.Pick(FakeData.FirstNames);
        var last = _rng.Pick(FakeData.LastNames);
        var birth = _received.Date.AddDays(-_rng.Next(18 * 365, 80 * 365));
        var contact = _xml.Start("contact").Attr("con_id", conId).Attr("party_role", FakeData.Messy(_rng, role));
        if (!sparse)
        {
            contact.Attr("first_name", _rng.Chance(0.03) ? "  " + first.ToUpperInvariant() + " " : first)
                .Attr("middle_name", _rng.Chance(0.5) ? _rng.Pick(FakeData.FirstNames) : "")
                .Attr("last_name", last)
                .Attr("birth_date", FakeData.Date(_rng, birth, withTime: _rng.Chance(0.1)))
                .Attr("ssn", _rng.Chance(0.05) ? "" : FakeData.Ssn(_rng));
        }
        contact.Attr("email", _rng.Chance(0.85) ? $"{first.ToLowerInvariant()}.{last.ToLowerInvariant().Replace("'", "")}{_rng.Next(1, 99)}@example.com" : "")
            .Attr("cell_phone", _rng.Chance(0.8) ? FakeData.Phone(_rng) : "")
            .Attr("paperless_ind", _rng.Weighted(("true", 40), ("false", 25), ("Yes", 10), ("N", 10), ("", 15)))
            .Attr("language_code", _rng.Weighted(("EN", 70), ("ES", 12), ("es", 3), ("FR", 3), ("", 12)));
        if (role == "AUTHU") contact.Attr("issue_card_ind", _rng.Weighted(("Y", 60), ("N", 20), ("y", 5), ("", 15)));
        if (role == "PR" && _rng.Chance(0.35)) contact.Attr("prior_account_num", _rng.Chance(0.1) ? "NULL" : $"DB{_rng.Next(10_000_000, 99_999_999)}");
        if (_rng.Chance(0.2)) contact.Attr("nickname", _rng.Pick(FakeData.FirstNames)[..3]);
        contact.Open();

        // the primary applicant always has a current address; others sometimes lack one
        if (role == "PR" || _rng.Chance(0.95)) WriteAddress("CURR");
        if (_rng.Chance(0.6)) WriteAddress("PREV");
        if (_rng.Chance(0.8)) WriteEmployment("CURR");
        if (_rng.Chance(0.4)) WriteEmployment("PREV");
        _xml.End("contact");
    }

    private void WriteAddress(string type)
    {
        var address = _xml.Start("contact_address").Attr("addr_type", FakeData.Messy(_rng, type));
        if (type == "PREV" && _rng.Chance(0.25))
        {
            // a previous address with nothing filled in: the mapper must drop it (CHILD-3, CHILD-4)
            address.Attr("street_number", "").Attr("city", "").Attr("state", "").Attr("zip_code", "").Empty();
            return;
        }
        var place = _rng.Pick(FakeData.Places);
        address.Attr("street_number", _rng.Next(1, 20000))
            .Attr("street_name", _rng.Pick(FakeData.Streets))
            .Attr("city", _rng.Chance(0.05) ? place.City.ToUpperInvariant() : place.City)
            .Attr("state", _rng.Chance(0.05) ? place.State.ToLowerInvariant() : place.State)
            .Attr("zip_code", _rng.Chance(0.3) ? $"{place.Zip}-{_rng.Next(1000, 9999)}" : place.Zip)
            .Attr("phone", _rng.Chance(0.7) ? FakeData.Phone(_rng) : "")
            .Attr("own_code", _rng.Weighted(("OWN", 40), ("RENT", 35), ("own", 5), ("FAMILY", 8), ("LEASE", 4), ("", 8)))
            .Attr("addr_years", _rng.Chance(0.9) ? _rng.Next(0, 25).ToString() : "")
            .Attr("addr_months", _rng.Chance(0.9) ? _rng.Next(0, 12).ToString() : "")
            .Empty();
    }

    private void WriteEmployment(string type)
    {
        var employer = _rng.Pick(FakeData.Employers);
        var title = employer == "self employed" ? "Owner" : _rng.Pick(FakeData.JobTitles);
        var basis = _rng.Weighted(("YEAR", 45), ("year", 5), ("MONTH", 35), ("WEEK", 10), ("", 5));
        var amount = basis.Equals("YEAR", StringComparison.OrdinalIgnoreCase) ? _rng.Next(18, 160) * 1000m
            : basis == "WEEK" ? _rng.Next(300, 2500) : _rng.Next(1500, 12000) + (_rng.Chance(0.3) ? 0.5m : 0m);
        var place = _rng.Pick(FakeData.Places);
        _xml.Start("contact_employment").Attr("emp_type", FakeData.Messy(_rng, type))
            .Attr("business_name", employer)
            .Attr("job_title", title)
            // grouped amounts ("54,000.00") are not numbers to the expression language: those salaries stay NULL
            .Attr("pay_amount", _rng.Chance(0.8) ? amount.ToString("0.##") : FakeData.Money(_rng, amount))
            .Attr("pay_basis", basis)
            .Attr("emp_years", _rng.Next(0, 30))
            .Attr("emp_months", _rng.Chance(0.85) ? _rng.Next(0, 12).ToString() : "")
            .Attr("income_code", _rng.Weighted(("SALARY", 55), ("HOURLY", 25), ("salary", 5), ("RETIRED", 5), ("", 10)))
            .Attr("city", place.City)
            .Attr("zip_code", place.Zip)
            .Empty();
    }
}
